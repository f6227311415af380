import CareModel
import Foundation

/// Values as `JSONSerialization` reads them (dictionaries, arrays, strings, numbers,
/// null), compared and printed by what they are, never by their printed text: numbers
/// as numbers, lists element by element, dictionaries key by key. (A dictionary's
/// printed text depends on the process's hash seed, so two identical runs would print
/// it differently.)
enum JSONValues {
    /// Whether two parsed JSON values are the same value.
    static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (is NSNull, is NSNull):
            return true
        case let (x as String, y as String):
            return x == y
        case let (x as [Any], y as [Any]):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case let (x as [String: Any], y as [String: Any]):
            return x.count == y.count && x.keys.allSatisfy { key in y[key].map { equal(x[key]!, $0) } ?? false }
        case let (x as NSNumber, y as NSNumber):
            guard x.doubleValue == y.doubleValue else { return false }
            // Integers beyond 2^53 (seeds) share a Double with their neighbours: compare them exactly.
            return abs(x.doubleValue) < 9.0e15 || x.stringValue == y.stringValue
        default:
            return false
        }
    }

    /// Dictionaries flattened into dotted keys (`budget.cut.fraction`); with
    /// `intoLists`, lists of dictionaries too (`population.risk_groups[1].share`).
    /// Other values are leaves.
    static func flatten(_ value: Any, intoLists: Bool = false) -> [String: Any] {
        var out: [String: Any] = [:]
        func walk(_ value: Any, _ prefix: String) {
            if let dictionary = value as? [String: Any], !dictionary.isEmpty {
                for (key, child) in dictionary { walk(child, prefix.isEmpty ? key : "\(prefix).\(key)") }
            } else if intoLists, let list = value as? [Any], list.contains(where: { $0 is [String: Any] }) {
                for (k, child) in list.enumerated() { walk(child, "\(prefix)[\(k)]") }
            } else {
                out[prefix] = value
            }
        }
        walk(value, "")
        return out
    }

    /// A value as one would write it: strings bare, everything else as compact JSON
    /// with sorted keys.
    static func text(_ value: Any?) -> String {
        guard let value else { return "(none)" }
        if let string = value as? String { return string }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]) else {
            return "\(value)"
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `parameters` as JSON objects, with the keys run.json uses (snake case).
    static func object(_ parameters: ModelParameters) throws -> Any {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try JSONSerialization.jsonObject(with: encoder.encode(parameters))
    }
}
