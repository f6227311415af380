import Foundation
import Yams

/// Reads YAML text into `ConfigNode`s, turning every YAML problem into a
/// `ScenarioError` with file and line.
enum YAMLSource {
    static func parse(_ text: String, file: String) throws(ScenarioError) -> ConfigNode {
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
        return try convert(root, file: file)
    }

    static func read(path: String) throws(ScenarioError) -> ConfigNode {
        let location = SourceLocation(file: path, line: 0, column: 0)
        guard FileManager.default.fileExists(atPath: path) else {
            throw ScenarioError(location, "", "no such scenario file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(location, "", "cannot read the file (permissions?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(location, "", "the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    private static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    private static func convert(_ node: Node, file: String) throws(ScenarioError) -> ConfigNode {
        switch node {
        case .scalar(let scalar):
            return ConfigNode(value: .scalar(scalar.string, quoted: scalar.style != .plain), location: location(scalar.mark, file))
        case .sequence(let sequence):
            var items: [ConfigNode] = []
            for item in sequence { items.append(try convert(item, file: file)) }
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
                entries.append(.init(key: keyScalar.string, keyLocation: location(keyScalar.mark, file), node: try convert(value, file: file)))
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
