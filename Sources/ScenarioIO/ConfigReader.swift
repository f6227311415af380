import CareModel

/// Reads one block (mapping) of a scenario with type and range checks, remembering
/// which keys were asked for so that `finish()` can reject the rest as unknown.
///
/// Decoding with `Codable` would silently ignore a misspelt key; this reader names it.
final class ConfigReader {
    let node: ConfigNode
    let path: String
    private let entries: [ConfigNode.Entry]
    private var known: [String] = []
    /// Set while `runway schema` records the decoder's declarations (`SchemaRecorder`).
    private let recorder: SchemaRecorder?

    /// `recording: false` for blocks that are not scenario keys (dated values' own blocks).
    init(_ node: ConfigNode, path: String, recording: Bool = true) throws(ScenarioError) {
        guard case .mapping(let entries) = node.value else {
            if node.isDated { throw ScenarioError(node.location, path, "dates given to a block of keys: dated values are for single numbers") }
            throw ScenarioError(node.location, path, "expected a block of keys, got \(node.kindName)")
        }
        self.node = node
        self.path = path
        self.entries = entries
        self.recorder = recording ? SchemaRecorder.current : nil
        recorder?.block(path)
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func has(_ key: String) -> Bool {
        lookup(key, optional: true) != nil
    }

    func optional(_ key: String) -> ConfigNode? {
        lookup(key, optional: true)
    }

    /// The key's value (nil when missing or null), noting that it was asked for.
    private func lookup(_ key: String, optional: Bool) -> ConfigNode? {
        known.append(key)
        let entry = entries.first(where: { $0.key == key })
        recorder?.asked(keyPath(key), location: entry?.keyLocation, optional: optional)
        guard let node = entry?.node, !node.isNull else { return nil }
        return node
    }

    func required(_ key: String, expected: String) throws(ScenarioError) -> ConfigNode {
        if let node = lookup(key, optional: false) { return node }
        // A missing key is most often a misspelt one: point at it.
        let unknown = entries.filter { !known.contains($0.key) }
        if let close = unknown.min(by: { editDistance($0.key, key) < editDistance($1.key, key) }),
           editDistance(close.key, key) <= max(2, key.count / 4) {
            throw ScenarioError(close.keyLocation, keyPath(close.key), "unknown key; did you mean '\(key)' (\(expected))?")
        }
        throw ScenarioError(node.location, keyPath(key), "missing (expected \(expected))")
    }

    /// Rejects keys nobody asked for.
    func finish() throws(ScenarioError) {
        recorder?.closed(path)
        for entry in entries where !known.contains(entry.key) {
            var message = "unknown key"
            if let best = Set(known).min(by: { editDistance($0, entry.key) < editDistance($1, entry.key) }),
               editDistance(best, entry.key) <= max(2, entry.key.count / 4) {
                message += "; did you mean '\(best)'?"
            }
            message += " (expected one of: \(Array(Set(known)).sorted().joined(separator: ", ")))"
            throw ScenarioError(entry.keyLocation, keyPath(entry.key), message)
        }
    }

    // MARK: - Typed values

    /// Dated values stand for a number; on any other kind of key they are an error.
    private func refuseDates(_ node: ConfigNode, _ key: String, _ kind: String) throws(ScenarioError) {
        recorder?.refusesDates(keyPath(key))
        guard node.isDated else { return }
        throw ScenarioError(node.location, keyPath(key), "dates given to a non-numeric key (\(kind)): only numbers and the choices that may change during a run (deficit_policy, specialised_financing.model, coordination.enabled) can have dated values")
    }

    /// A number that cannot change during a run (it sets the population, a schedule of
    /// ages or the run itself when the run starts): dated values are an error, with why.
    private func refuseDates(_ node: ConfigNode, _ key: String, fixedBecause reason: String) throws(ScenarioError) {
        recorder?.refusesDates(keyPath(key))
        guard node.isDated else { return }
        throw ScenarioError(node.location, keyPath(key), "dates given to a key that cannot change during a run: \(reason)")
    }

    func section(_ key: String) throws(ScenarioError) -> ConfigReader {
        let reader = try ConfigReader(required(key, expected: "a block of keys"), path: keyPath(key))
        recorder?.read(keyPath(key), .block, value: nil, dated: false)
        return reader
    }

    /// Says that this block's keys are names given elsewhere (`what`), for the schema.
    func keysAreNames(of what: String) {
        recorder?.keysNamed(path, by: what)
    }

    func string(_ key: String) throws(ScenarioError) -> String {
        let node = try required(key, expected: "text")
        try refuseDates(node, key, "text")
        let text = try Self.text(node, keyPath(key))
        recorder?.read(keyPath(key), .text, value: .string(text), dated: node.isDated)
        return text
    }

    /// Text that must be one of `options`.
    func string(_ key: String, oneOf options: [String]) throws(ScenarioError) -> String {
        let list = options.joined(separator: ", ")
        let node = try required(key, expected: "one of: \(list)")
        try refuseDates(node, key, "one of: \(list)")
        let text = try Self.text(node, keyPath(key))
        guard options.contains(text) else {
            throw ScenarioError(node.location, keyPath(key), "expected one of: \(list); got '\(text)'")
        }
        recorder?.read(keyPath(key), .oneOf(options), value: .string(text), dated: node.isDated)
        return text
    }

    /// A number; `fixedBecause` names why it cannot have dated values (nil: it can).
    func double(_ key: String, _ expectation: Expectation, fixedBecause reason: String? = nil) throws(ScenarioError) -> Double {
        let node = try required(key, expected: expectation.text)
        if let reason { try refuseDates(node, key, fixedBecause: reason) }
        let value = try Self.number(node, keyPath(key), expectation)
        recorder?.read(keyPath(key), .number(expectation), value: .number(value), dated: node.isDated)
        return value
    }

    func int(_ key: String, _ expectation: Expectation) throws(ScenarioError) -> Int {
        let node = try required(key, expected: "a whole number (\(expectation.text))")
        try refuseDates(node, key, fixedBecause: "whole numbers are sizes and counts set when the run starts (children, places' delay, providers, replications, seed)")
        let text = try Self.text(node, keyPath(key))
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw ScenarioError(node.location, keyPath(key), "expected a whole number (\(expectation.text)), got '\(text)'")
        }
        guard expectation.accepts(Double(value)) else {
            throw ScenarioError(node.location, keyPath(key), "expected \(expectation.text), got \(value)")
        }
        recorder?.read(keyPath(key), .integer(expectation), value: .number(Double(value)), dated: node.isDated)
        return value
    }

    /// A switch; `fixedBecause` names why it cannot have dated values (nil: it can, in steps).
    func bool(_ key: String, fixedBecause reason: String?) throws(ScenarioError) -> Bool {
        let node = try required(key, expected: "true or false")
        if let reason { try refuseDates(node, key, fixedBecause: reason) }
        let text = try Self.text(node, keyPath(key))
        let value: Bool
        if Self.trueWords.contains(text) { value = true } else if Self.falseWords.contains(text) { value = false } else {
            throw ScenarioError(node.location, keyPath(key), "expected true or false, got '\(text)'")
        }
        recorder?.read(keyPath(key), .boolean, value: .bool(value), dated: node.isDated)
        return value
    }

    /// How true and false may be written (YAML 1.1's words too, as older tools write them).
    static let trueWords = ["true", "True", "TRUE", "yes", "on"]
    static let falseWords = ["false", "False", "FALSE", "no", "off"]

    /// One of a set of options; `fixedBecause` names why it cannot have dated values (nil:
    /// it can, in steps: a policy applied when it is needed, read from the set in force).
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, fixedBecause reason: String?) throws(ScenarioError) -> T where T.RawValue == String {
        let options = T.allCases.map(\.rawValue).joined(separator: ", ")
        let node = try required(key, expected: "one of: \(options)")
        if let reason { try refuseDates(node, key, fixedBecause: reason) }
        let text = try Self.text(node, keyPath(key))
        guard let value = T(rawValue: text) else {
            throw ScenarioError(node.location, keyPath(key), "expected one of: \(options); got '\(text)'")
        }
        recorder?.read(keyPath(key), .oneOf(T.allCases.map(\.rawValue)), value: .string(text), dated: node.isDated)
        return value
    }

    /// A date "YYYY-MM-DD"; budget years run January to December, so some dates must be a 1 January.
    func date(_ key: String, firstOfYear: Bool) throws(ScenarioError) -> CalendarDate {
        let expected = firstOfYear ? "a 1 January, YYYY-01-01" : "a date YYYY-MM-DD"
        let node = try required(key, expected: expected)
        try refuseDates(node, key, "a date")
        let text = try Self.text(node, keyPath(key))
        guard let date = CalendarDate(iso: text) else {
            throw ScenarioError(node.location, keyPath(key), "expected \(expected), got '\(text)'")
        }
        if firstOfYear && !date.isFirstOfYear {
            throw ScenarioError(node.location, keyPath(key), "expected \(expected) (budget years run January to December), got '\(text)'")
        }
        guard Self.dateRange.contains(date) else {
            throw ScenarioError(node.location, keyPath(key), "expected \(expected) from \(Self.dateRange.lowerBound) to \(Self.dateRange.upperBound), got '\(text)'")
        }
        recorder?.read(keyPath(key), .date(firstOfYear: firstOfYear), value: .string(text), dated: node.isDated)
        return date
    }

    /// Dates a scenario may use: a horizon past 2200 (or before 1900) is no model of a municipality.
    static let dateRange = CalendarDate(year: 1900, month: 1, day: 1)!...CalendarDate(year: 2200, month: 1, day: 1)!

    /// The location of a key's value, for errors found after reading (cross-checks).
    func location(of key: String) -> SourceLocation {
        entries.first(where: { $0.key == key })?.keyLocation ?? node.location
    }

    func list(_ key: String, expected: String) throws(ScenarioError) -> [ConfigNode] {
        let node = try required(key, expected: expected)
        try refuseDates(node, key, "a list; date its numbers one by one")
        guard case .sequence(let items) = node.value else {
            throw ScenarioError(node.location, keyPath(key), "expected \(expected), got \(node.kindName)")
        }
        recorder?.read(keyPath(key), .list, value: nil, dated: false)
        return items
    }

    /// A list of numbers; none of them can have dated values, for the reason given.
    func numbers(_ key: String, _ expectation: Expectation, minCount: Int = 1, fixedBecause reason: String) throws(ScenarioError) -> [Double] {
        let expected = "a list of numbers (each \(expectation.text))"
        let items = try list(key, expected: expected)
        guard items.count >= minCount else {
            throw ScenarioError(try required(key, expected: expected).location, keyPath(key), "expected at least \(minCount) value(s), got \(items.count)")
        }
        var values: [Double] = []
        for (i, item) in items.enumerated() {
            if item.isDated {
                throw ScenarioError(item.location, "\(keyPath(key))[\(i)]", "dates given to a key that cannot change during a run: \(reason)")
            }
            values.append(try Self.number(item, "\(keyPath(key))[\(i)]", expectation))
        }
        recorder?.read(keyPath(key), .numbers(expectation, minCount: minCount), value: .array(values.map { .number($0) }), dated: false)
        return values
    }

    // MARK: - Scalars

    static func text(_ node: ConfigNode, _ keyPath: String) throws(ScenarioError) -> String {
        guard case .scalar(let text, _) = node.value else {
            throw ScenarioError(node.location, keyPath, "expected a single value, got \(node.kindName)")
        }
        return text
    }

    static func number(_ node: ConfigNode, _ keyPath: String, _ expectation: Expectation) throws(ScenarioError) -> Double {
        let text = try text(node, keyPath)
        guard case .scalar(_, false) = node.value, let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            throw ScenarioError(node.location, keyPath, "expected \(expectation.text), got '\(text)'")
        }
        guard expectation.accepts(value) else {
            throw ScenarioError(node.location, keyPath, "expected \(expectation.text), got \(text)")
        }
        return value
    }
}

/// Levenshtein distance, for "did you mean" hints.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
