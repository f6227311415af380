import CareModel

/// A YAML value with the place it was written, kept through `extends` merges and
/// `--set` overrides so that every error can name its file and line.
public struct ConfigNode: Sendable {
    public struct Entry: Sendable {
        public let key: String
        public let keyLocation: SourceLocation
        public var node: ConfigNode
    }

    public enum Value: Sendable {
        case scalar(String, quoted: Bool)
        case mapping([Entry])
        case sequence([ConfigNode])
    }

    public var value: Value
    public let location: SourceLocation
    /// Set on a number that stands for one date of dated values (`DatedValues`), so that a
    /// key that cannot change during a run can refuse it.
    var isDated = false

    public var isNull: Bool {
        if case .scalar(let text, let quoted) = value, !quoted {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    public var kindName: String {
        switch value {
        case .scalar: isNull ? "nothing (null)" : "a single value"
        case .mapping: "a block of keys"
        case .sequence: "a list"
        }
    }

    /// Returns a copy with the value at `path` set to `node`, creating blocks along the
    /// way as needed. A path element `name[k]` selects item k (from 0) of a list.
    func setting(path: ArraySlice<String>, to node: ConfigNode, fullPath: String) throws(ScenarioError) -> ConfigNode {
        guard let element = path.first else { return node }
        var key = element
        var index: Int?
        if element.hasSuffix("]"), let open = element.firstIndex(of: "[") {
            key = String(element[..<open])
            index = Int(element[element.index(after: open)..<element.index(before: element.endIndex)])
            guard index != nil else { throw ScenarioError(node.location, fullPath, "expected a list index like onset_per_year[1]") }
        }
        var entries: [Entry] = []
        if case .mapping(let existing) = value { entries = existing }
        if let position = entries.firstIndex(where: { $0.key == key }) {
            if let index {
                guard case .sequence(var items) = entries[position].node.value, items.indices.contains(index) else {
                    throw ScenarioError(node.location, fullPath, "'\(key)' has no item \(index) (items are numbered from 0)")
                }
                items[index] = try items[index].setting(path: path.dropFirst(), to: node, fullPath: fullPath)
                entries[position].node = ConfigNode(value: .sequence(items), location: entries[position].node.location)
            } else {
                entries[position].node = try entries[position].node.setting(path: path.dropFirst(), to: node, fullPath: fullPath)
            }
        } else {
            guard index == nil else { throw ScenarioError(node.location, fullPath, "there is no list '\(key)' to index") }
            let empty = ConfigNode(value: .mapping([]), location: node.location)
            let entry = Entry(key: key, keyLocation: node.location, node: try empty.setting(path: path.dropFirst(), to: node, fullPath: fullPath))
            // A new date of dated values goes in date order, so that `--set key.values.2010-01-01=…` adds a date.
            if let date = CalendarDate(iso: key), let later = entries.firstIndex(where: { CalendarDate(iso: $0.key).map { $0 > date } ?? false }) {
                entries.insert(entry, at: later)
            } else {
                entries.append(entry)
            }
        }
        return ConfigNode(value: .mapping(entries), location: location)
    }

    /// `other` laid over `self`: blocks merge key by key, anything else is replaced.
    /// Dated values are one value: they replace what the base had, dates and all.
    func merging(_ other: ConfigNode) -> ConfigNode {
        guard case .mapping(var entries) = value, case .mapping(let overrides) = other.value,
              !isDatedBlock, !other.isDatedBlock else { return other }
        for entry in overrides {
            if let index = entries.firstIndex(where: { $0.key == entry.key }) {
                entries[index] = Entry(key: entry.key, keyLocation: entry.keyLocation,
                                       node: entries[index].node.merging(entry.node))
            } else {
                entries.append(entry)
            }
        }
        return ConfigNode(value: .mapping(entries), location: other.location)
    }
}
