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

    /// Returns a copy whose mapping has `key` set to `node`, creating blocks along
    /// `path` as needed.
    func setting(path: ArraySlice<String>, to node: ConfigNode) -> ConfigNode {
        guard let key = path.first else { return node }
        var entries: [Entry] = []
        if case .mapping(let existing) = value { entries = existing }
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].node = entries[index].node.setting(path: path.dropFirst(), to: node)
        } else {
            let empty = ConfigNode(value: .mapping([]), location: node.location)
            entries.append(Entry(key: key, keyLocation: node.location, node: empty.setting(path: path.dropFirst(), to: node)))
        }
        return ConfigNode(value: .mapping(entries), location: location)
    }

    /// `other` laid over `self`: blocks merge key by key, anything else is replaced.
    func merging(_ other: ConfigNode) -> ConfigNode {
        guard case .mapping(var entries) = value, case .mapping(let overrides) = other.value else { return other }
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
