import Foundation

/// Records what `ConfigReader` asks of a scenario while it decodes one: every key path,
/// its kind (with range, choices and unit words), whether it is optional, whether it
/// refuses dated values, and which blocks refuse unknown keys. `ScenarioSchema` turns
/// the record into a JSON Schema, so that the schema is the decoder's own declarations
/// and the two cannot disagree.
///
/// Installed for one decode with `SchemaRecorder.$current.withValue(recorder) { … }`;
/// every `ConfigReader` made meanwhile reports to it (nil, the normal case, costs nothing).
final class SchemaRecorder: @unchecked Sendable {
    @TaskLocal static var current: SchemaRecorder?

    /// What a key holds, as the reader's typed method read it.
    enum Kind {
        case block
        /// A list of blocks (their keys are recorded under `path[]`).
        case list
        case text
        case oneOf([String])
        case number(Expectation)
        case integer(Expectation)
        case boolean
        case date(firstOfYear: Bool)
        case numbers(Expectation, minCount: Int)
    }

    struct Declaration {
        var kind: Kind?
        /// Asked with `has` or `optional`: the key may be left out (or set to null).
        var optional = false
        /// The reader refused dated values for it (`refuseDates`).
        var refusesDates = false
        /// A block whose reader called `finish()`: unknown keys are refused.
        var closed = false
        /// A block whose keys are names given elsewhere (e.g. risk groups' names).
        var keysNamedBy: String?
        /// Where the key was first written (for its comment).
        var location: SourceLocation?
        /// Its value in the first scenario decoded while `takesDefaults` is set.
        var defaultValue: JSONValue?
    }

    /// Normalised key paths (list items as `name[]`) in the order first met.
    private(set) var order: [String] = []
    private(set) var declarations: [String: Declaration] = [:]
    /// Whether values read now are the defaults (true while decoding the baseline).
    var takesDefaults = false
    private let lock = NSLock()

    init() {}

    /// `population.risk_groups[2].share` -> `population.risk_groups[].share`.
    static func normalised(_ path: String) -> String {
        path.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "[]", options: .regularExpression)
    }

    private func update(_ path: String, _ change: (inout Declaration) -> Void) {
        let key = Self.normalised(path)
        lock.lock()
        defer { lock.unlock() }
        if declarations[key] == nil {
            declarations[key] = Declaration()
            order.append(key)
        }
        change(&declarations[key]!)
    }

    func block(_ path: String) { update(path) { if $0.kind == nil { $0.kind = .block } } }
    func closed(_ path: String) { update(path) { $0.closed = true } }
    func keysNamed(_ path: String, by what: String) { update(path) { $0.keysNamedBy = what } }
    func refusesDates(_ path: String) { update(path) { $0.refusesDates = true } }

    /// A key asked for; `optional` when asked with `has`/`optional` rather than required.
    func asked(_ path: String, location: SourceLocation?, optional: Bool) {
        update(path) { d in
            if optional { d.optional = true }
            if d.location == nil, let location, location.line > 0 { d.location = location }
        }
    }

    /// A key read as `kind`, with the value read (a default while `takesDefaults`).
    func read(_ path: String, _ kind: Kind, value: JSONValue?, dated: Bool) {
        let isDefault = takesDefaults && !dated && !path.contains("[")
        update(path) { d in
            d.kind = Self.merged(d.kind, kind)
            if isDefault, d.defaultValue == nil { d.defaultValue = value }
        }
    }

    /// Two reads of one key: a list of numbers is a list; two ranges make their union.
    private static func merged(_ old: Kind?, _ new: Kind) -> Kind {
        switch (old, new) {
        case (.number(let a), .number(let b)):
            let a0 = a.widest ?? a.range, b0 = b.widest ?? b.range
            guard a0 != b0 else { return old! }
            var e = a
            e.widest = min(a0.lowerBound, b0.lowerBound)...max(a0.upperBound, b0.upperBound)
            return .number(e)
        case (.numbers, .list): return old!
        default: return new
        }
    }
}
