import Foundation
import Yams

/// Reads YAML text into `ConfigNode`s, turning every YAML problem into a
/// `ScenarioError` with file and line. `YAMLGuard` checks the text first (size, anchors
/// and aliases, nesting), so the YAML library never expands an alias.
enum YAMLSource {
    static func parse(_ text: String, file: String) throws(ScenarioError) -> ConfigNode {
        try YAMLGuard.scan(text, file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw translate(error, file: file)
        } catch {
            throw ScenarioError(SourceLocation(file: file, line: 1, column: 1), "", "cannot read YAML: \(error)")
        }
        guard let root else {
            return ConfigNode(value: .mapping([]), location: SourceLocation(file: file, line: 1, column: 1))
        }
        return try convert(root, file: file, depth: 0)
    }

    static func read(path: String) throws(ScenarioError) -> ConfigNode {
        let location = SourceLocation(file: path, line: 0, column: 0)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ScenarioError(location, "", "no such scenario file")
        }
        guard !isFolder.boolValue else { throw ScenarioError(location, "", "is a folder, not a scenario file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ScenarioError(location, "", "cannot read the file (permissions?)")
        }
        defer { try? handle.close() }
        // One byte more than the limit tells a file that is too large (also /dev/zero).
        let data: Data
        do { data = try handle.read(upToCount: YAMLGuard.maxBytes + 1) ?? Data() } catch {
            throw ScenarioError(location, "", "cannot read the file: \(error.localizedDescription)")
        }
        return try parse(YAMLGuard.text(of: [UInt8](data), file: path), file: path)
    }

    private static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    private static func convert(_ node: Node, file: String, depth: Int) throws(ScenarioError) -> ConfigNode {
        // YAMLGuard refused these in the text; checked again on the nodes, so that an alias
        // can never be expanded and nothing nests deeper than the guard allows.
        if let anchor = node.anchor {
            throw ScenarioError(location(node.mark, file), "", "YAML anchor '&\(anchor.rawValue)': anchors (&name) and aliases (*name) are not supported in scenario files; write the value out")
        }
        guard depth <= YAMLGuard.maxDepth else {
            throw ScenarioError(location(node.mark, file), "", "nested more than \(YAMLGuard.maxDepth) levels deep; a scenario needs about 6")
        }
        switch node {
        case .scalar(let scalar):
            return ConfigNode(value: .scalar(scalar.string, quoted: scalar.style != .plain), location: location(scalar.mark, file))
        case .sequence(let sequence):
            var items: [ConfigNode] = []
            for item in sequence { items.append(try convert(item, file: file, depth: depth + 1)) }
            return ConfigNode(value: .sequence(items), location: location(sequence.mark, file))
        case .mapping(let mapping):
            var entries: [ConfigNode.Entry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ScenarioError(location(key.mark, file), "", "a key must be a plain name")
                }
                if let previous = entries.first(where: { $0.key == keyScalar.string }) {
                    throw ScenarioError(location(keyScalar.mark, file), keyScalar.string,
                                        "key given twice (first at line \(previous.keyLocation.line))")
                }
                entries.append(.init(key: keyScalar.string, keyLocation: location(keyScalar.mark, file), node: try convert(value, file: file, depth: depth + 1)))
            }
            return ConfigNode(value: .mapping(entries), location: location(mapping.mark, file))
        case .alias(let alias):
            throw ScenarioError(location(alias.mark, file), "", "YAML aliases are not supported in scenario files")
        }
    }

    private static func translate(_ error: YamlError, file: String) -> ScenarioError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return ScenarioError(location(mark, file), "", "broken YAML: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ScenarioError(location(context.mark, file), "", "key given twice: \(duplicates.joined(separator: ", "))")
        default:
            return ScenarioError(SourceLocation(file: file, line: 1, column: 1), "", "broken YAML: \(error)")
        }
    }
}
