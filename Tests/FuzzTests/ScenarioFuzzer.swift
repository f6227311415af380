import CareModel
import Foundation
@testable import ScenarioIO
import Stochastics

/// The kinds of hostile or careless input the fuzzer makes (issue 13, item 8).
enum FuzzClass: String, CaseIterable, Sendable {
    /// A number far above any sensible value (1e308, 1e19, 2^63, ...) on one key.
    case huge
    /// A number near zero, negative zero or a denormal on one key.
    case tiny
    /// NaN and infinities as YAML writes them (.nan, .inf, -.inf) and as other tools do.
    case nonFinite = "non-finite"
    /// Anchors and aliases: billion-laughs files, `*a` in --set, an anchored baseline value.
    case aliases
    /// The baseline cut off at a random byte.
    case truncated
    /// The baseline with bytes that are not UTF-8 put in at a random place.
    case nonUTF8 = "non-utf8"
    /// Lists and blocks inside each other, up to hundreds deep.
    case deepNesting = "deep-nesting"
    /// Files that extend each other in a circle, or extend what is not a scenario.
    case extendsCycle = "extends-cycle"
    /// Horizon, cut and transition dates out of order or out of range.
    case datesOutOfOrder = "dates-out-of-order"
    /// A list, a block, text, a boolean or nothing where a number (or anything) belongs.
    case wrongType = "wrong-type"
    /// Several keys at random values within a few orders of magnitude of the baseline's.
    case validRandom = "valid-random"
}

/// One generated input: a scenario file (written to disk before it is tried) and
/// `--set` overrides, and whether to run a short replication of it when it is accepted.
struct FuzzInput: Sendable {
    let index: Int
    let kind: FuzzClass
    /// The file to load: a baseline or a generated file.
    let path: String
    /// Bytes of the generated file (nil when `path` is a shipped file).
    let fileBytes: [UInt8]?
    /// Other generated files (extends chains), path and text.
    let otherFiles: [(String, String)]
    let overrides: [String]
    let run: Bool

    var description: String {
        var text = "input #\(index), class \(kind.rawValue)\nfile: \(path)\n"
        for o in overrides { text += "--set \(o)\n" }
        if run { text += "(with a short run)\n" }
        if let fileBytes {
            text += "file text (\(fileBytes.count) bytes, invalid UTF-8 shown as U+FFFD):\n"
            text += String(decoding: fileBytes.prefix(4000), as: UTF8.self)
            if fileBytes.count > 4000 { text += "\n... (cut)" }
            text += "\n"
        }
        for (path, body) in otherFiles { text += "other file \(path):\n\(body)\n" }
        return text
    }
}

/// Makes `FuzzInput`s from a seeded GSL stream (the project's `RandomStream`): the same
/// seed gives the same inputs, so a failure found by `make fuzz` can be made again.
final class ScenarioFuzzer {
    let stream: RandomStream
    let baselinePath: String
    let baselineText: [UInt8]
    let folder: String
    /// Every scalar of the baseline: its dotted key (list items as name[k]) and text.
    let leaves: [(key: String, text: String)]
    let numericKeys: [(key: String, value: Double)]
    let dateKeys: [String]

    init(seed: UInt64, baselinePath: String, folder: String) throws {
        stream = RandomStream(seed: seed)
        self.baselinePath = baselinePath
        self.folder = folder
        baselineText = [UInt8](try Data(contentsOf: URL(fileURLWithPath: baselinePath)))
        var found: [(String, String)] = []
        Self.collect(try YAMLSource.read(path: baselinePath), prefix: "", into: &found)
        leaves = found.filter { !$0.0.hasPrefix("calibration") }
        numericKeys = leaves.compactMap { leaf in Double(leaf.text).map { (leaf.key, $0) } }
        dateKeys = leaves.filter { CalendarDate(iso: $0.text) != nil }.map(\.key)
    }

    private static func collect(_ node: ConfigNode, prefix: String, into out: inout [(String, String)]) {
        switch node.value {
        case .scalar(let text, _): out.append((prefix, text))
        case .mapping(let entries):
            for e in entries { collect(e.node, prefix: prefix.isEmpty ? e.key : "\(prefix).\(e.key)", into: &out) }
        case .sequence(let items):
            for (k, item) in items.enumerated() { collect(item, prefix: "\(prefix)[\(k)]", into: &out) }
        }
    }

    // MARK: - Random choices

    func below(_ n: Int) -> Int { stream.integer(below: n) }
    func chance(_ p: Double) -> Bool { stream.uniform() < p }
    func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    func numericKey() -> String { pick(numericKeys).key }
    func anyKey() -> String { pick(leaves).key }

    /// A tiny population and horizon, so that a run of the input takes milliseconds; the
    /// fuzzed overrides come after these and may change them.
    static let tiny = ["population.children=150", "horizon.start=2000-01-01", "horizon.end=2001-01-01",
                       "horizon.warmup_until=2000-01-01"]

    /// Settings that turn levers on (one of each group is picked).
    static let levers: [[String]] = [
        ["services.debt_help.enabled=true"], ["services.school_to_work.enabled=true"], ["policies.coordination.enabled=true"],
        ["services.region.other_children=600"], ["services.youth_health_care.organisation=split"],
        ["services.neighbourhood_team.organisation=separate"], ["policies.queue_discipline=severity"],
        ["budget.deficit_policy=cut_prevention", "budget.deficit_policy=ration_specialised"],
        ["services.specialised_financing.model=per_trajectory", "services.specialised_financing.model=population_budget"],
        ["services.specialised_capacity_growth.places_per_waiting_child=0.5"], ["policies.indication_mean_days=21"],
        ["policies.handover.mean_days=14", "policies.handover.duplicate_intake_days=10"], ["budget.cut.fraction=0.3"],
        ["policies.transition.date=2000-06-01"], ["population.continue_care_until_age_years=23"],
    ]

    // MARK: - Inputs

    func next(_ index: Int) -> FuzzInput {
        let kind = FuzzClass.allCases[index % FuzzClass.allCases.count]
        var overrides: [String] = []
        var bytes: [UInt8]?
        var others: [(String, String)] = []
        let file = "\(folder)/input.yaml"
        switch kind {
        case .huge:
            let values = ["1e308", "-1e308", "1.7976931348623157e308", "1e19", "9223372036854775807", "9223372036854775808",
                          "99999999999999999999", "1e155", "-1e155", "4.5e15", "1e12", "2e9", "36526", "366", "1001", "20000001",
                          "1e11", "2.5e8", "100.0000001", "365.1"]
            let value = chance(0.3) ? "1e\(below(309))" : pick(values)
            overrides = [numericKey() + "=" + value]
        case .tiny:
            let values = ["1e-308", "5e-324", "-5e-324", "-0", "-0.0", "0", "1e-155", "1e-16", "0.0001", "-1", "-1e-308",
                          "0.009999", "0.01", "0.0999", "0.1", "2.2250738585072014e-308"]
            let value = chance(0.3) ? "1e-\(below(325))" : pick(values)
            overrides = [numericKey() + "=" + value]
        case .nonFinite:
            let values = [".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "-.inf", "+.inf", "nan", "NaN", "inf", "-inf",
                          "infinity", "-infinity", "1e309", "-1e309", "0x1p1024"]
            overrides = [numericKey() + "=" + pick(values)]
            if chance(0.2) {
                // In the file: a YAML .inf or .nan where the baseline has a number.
                bytes = replacing(numberAt: below(numericKeys.count), with: pick([".inf", "-.inf", ".nan", ".NaN"]))
                overrides = []
            }
        case .aliases:
            switch below(5) {
            case 0: bytes = billionLaughs(levels: 1 + below(12), width: 2 + below(9))
            case 1: overrides = [numericKey() + "=" + pick(["*a", "&a 1", "[*a, *a]", "{x: *a}", "&a [1, *a]", "!!float &a 1", "\"*a\"", "'&a'"])]
            case 2:
                // An anchor on one baseline value and an alias to it further on.
                let k = below(numericKeys.count - 1)
                bytes = replacing(numberAt: k, with: "&n \(numericKeys[k].value)")
                bytes = replacing(numberAt: k + 1 + below(numericKeys.count - k - 1), with: "*n", in: bytes!)
            case 3:
                // A merge key: a block that borrows another's keys.
                bytes = Array("extends: \(baselinePath)\nbase: &b {fraction: 0.1}\nbudget:\n  cut:\n    <<: *b\n".utf8)
            default:
                bytes = Array("extends: \(baselinePath)\nname: &x quoted\ndescription: \"text with &amp; and *star* in quotes\"\n".utf8)
            }
        case .truncated:
            bytes = Array(baselineText.prefix(below(baselineText.count)))
        case .nonUTF8:
            var b = baselineText
            let bad: [[UInt8]] = [[0xFF], [0xFE, 0xFF], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80],
                                  [0x80], [0xBF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [UInt8(128 + below(128))], [0x00]]
            for _ in 0..<(1 + below(3)) { b.insert(contentsOf: pick(bad), at: below(b.count + 1)) }
            if chance(0.05) {
                b = Array(String(decoding: baselineText, as: UTF8.self).data(using: .utf16)!)
            }
            bytes = b
        case .deepNesting:
            let depth = 1 + below(chance(0.5) ? 80 : 400)
            switch below(4) {
            case 0: overrides = [numericKey() + "=" + String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)]
            case 1: overrides = [anyKey() + "=" + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)]
            case 2:
                var text = "extends: \(baselinePath)\ndeep:\n"
                for level in 0..<depth { text += String(repeating: "  ", count: level + 1) + "k\(level):\n" }
                bytes = Array(text.utf8)
            default:
                var text = "extends: \(baselinePath)\ndeep:\n"
                text += String(repeating: "- ", count: depth) + "1\n"
                bytes = Array(text.utf8)
            }
        case .extendsCycle:
            let a = "\(folder)/cycle-a.yaml", b = "\(folder)/cycle-b.yaml", c = "\(folder)/cycle-c.yaml"
            switch below(6) {
            case 0: bytes = Array("extends: input.yaml\nname: self\n".utf8)
            case 1:
                bytes = Array("extends: cycle-a.yaml\nname: start\n".utf8)
                others = [(a, "extends: cycle-b.yaml\n"), (b, "extends: cycle-a.yaml\n")]
            case 2:
                bytes = Array("extends: cycle-a.yaml\n".utf8)
                others = [(a, "extends: cycle-b.yaml\n"), (b, "extends: cycle-c.yaml\n"), (c, "extends: ./input.yaml\n")]
            case 3: bytes = Array("extends: \(pick(["no-such.yaml", "/dev/null", "/dev/zero", "/tmp", "", "[a, b]", "{a: 1}", "~"]))\n".utf8)
            case 4:
                // A long chain without a circle: valid, ends in the baseline.
                bytes = Array("extends: cycle-a.yaml\n".utf8)
                others = [(a, "extends: cycle-b.yaml\n"), (b, "extends: \(baselinePath)\nname: chained\n")]
            default: bytes = Array("extends: \(folder)/../\(URL(fileURLWithPath: folder).lastPathComponent)/input.yaml\n".utf8)
            }
        case .datesOutOfOrder:
            let years = [1800, 1899, 1900, 1999, 2000, 2001, 2015, 2026, 2199, 2200, 2201, 9999, 0]
            func date() -> String {
                let y = pick(years)
                let text = String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y)
                return chance(0.8) ? "\(text)-01-01" : pick(["\(text)-02-29", "\(text)-13-01", "\(text)-07-01", "\(text)-12-31", "\(text)-1-1", "\(text)-00-10"])
            }
            overrides = (0..<(1 + below(3))).map { _ in pick(dateKeys) + "=" + date() }
        case .wrongType:
            let values = ["[1, 2]", "{a: 1}", "'0.5'", "\"1\"", "true", "abc", "", "~", "null", "0x1F", "1_000", "0o17", "1e",
                          "--1", "1.2.3", "[]", "{}", "2015-01-01", "12:30", "- 1", "? a", "|", ">", "#", "'", "\"", "[", "{", "]",
                          "a: b", "1 # comment", "!!str 1", "!!int 1.5", "!custom 1", "%", "@", "`"]
            overrides = [(chance(0.7) ? numericKey() : anyKey()) + "=" + pick(values)]
            if chance(0.1) { overrides = [pick(["", "=", "=1", "a..b=1", ".a=1", "a.=1", "budget.cut.fraction", "x[1]=2",
                                                "population.risk_groups[9].share=0.1", "population.risk_groups[a].share=1",
                                                "services.youth_health_care.contact_ages_years[99]=1", "budget=1", "budget.cut=[1]"])] }
        case .validRandom:
            overrides = (0..<(1 + below(5))).map { _ in
                let (key, value) = pick(numericKeys)
                let scaled = value == 0 ? stream.uniform() : value * pow(10, stream.uniform() * 4 - 2)
                return "\(key)=\(value == value.rounded() && abs(value) >= 1 ? String(Int(scaled.rounded())) : String(scaled))"
            }
        }
        // A short run for a sample of the inputs that change only --set values.
        let run = bytes == nil && chance(kind == .validRandom ? 0.25 : 0.05)
        if run {
            // Levers on at random, so that runs go through their code too.
            let levers = Self.levers.filter { _ in chance(0.3) }.map { pick($0) }
            overrides = Self.tiny + levers + overrides
        }
        // Nine in ten override inputs start all well: compiling a settled start solves the
        // twin's steady state, which for some values takes seconds (24 s in a debug build
        // for one of them), and the fuzzer is after traps and wrong answers, not speed.
        // The fuzzed overrides come after, so they may still choose `settled`.
        if bytes == nil && index % 10 != 0 { overrides = ["horizon.initial_state=all_well"] + overrides }
        return FuzzInput(index: index, kind: kind, path: bytes == nil ? baselinePath : file, fileBytes: bytes,
                         otherFiles: others, overrides: overrides, run: run)
    }

    /// A billion-laughs file: `levels` anchors, each a list of `width` aliases of the one before.
    func billionLaughs(levels: Int, width: Int) -> [UInt8] {
        var text = "extends: \(baselinePath)\nname: bomb\nlol0: &l0 [\"lol\", \"lol\"]\n"
        for level in 1...levels {
            text += "lol\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: width).joined(separator: ", ") + "]\n"
        }
        return Array(text.utf8)
    }

    /// The baseline (or `text`) with the value of the k-th numeric key replaced by `value`.
    func replacing(numberAt k: Int, with value: String, in text: [UInt8]? = nil) -> [UInt8] {
        let source = String(decoding: text ?? baselineText, as: UTF8.self)
        let name = numericKeys[k].key.split(separator: ".").last.map(String.init) ?? ""
        // Only plain `name: value` lines can be changed this way (list items stay).
        guard !name.contains("["), let range = source.range(of: " \(name):") ?? source.range(of: "\n\(name):") else {
            return Array(source.utf8)
        }
        let lineEnd = source[range.upperBound...].firstIndex(of: "\n") ?? source.endIndex
        let comment = source[range.upperBound..<lineEnd].range(of: " #")?.lowerBound ?? lineEnd
        var result = source
        result.replaceSubrange(range.upperBound..<comment, with: " " + value)
        return Array(result.utf8)
    }
}
