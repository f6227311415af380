import Foundation
import Testing
@testable import ScenarioIO

/// The scenario schema is the decoder's own declarations: the shipped
/// Scenarios/runway.schema.json is what `runway schema` generates now, and its keys carry
/// the decoder's types, ranges, choices, dated forms and refusal of unknown keys.
@Suite struct ScenarioSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenarios = root.appendingPathComponent("Scenarios").path
    static let generated: Result<String, any Error> = Result { try ScenarioSchema.generate(scenariosFolder: scenarios) }

    static func schema() throws -> [String: Any] {
        let text = try generated.get()
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The schema of a dotted key (list items as `name[]`).
    static func key(_ path: String) throws -> [String: Any] {
        var node = try schema()
        for part in path.split(separator: ".") {
            let isItem = part.hasSuffix("[]")
            node = try #require((node["properties"] as? [String: Any])?[String(isItem ? part.dropLast(2) : part)] as? [String: Any], "\(path): no \(part)")
            if isItem { node = try #require(node["items"] as? [String: Any], "\(path): \(part) is no list") }
        }
        return node
    }

    /// The plain (not dated, not null) form of a key's schema.
    static func plain(_ node: [String: Any]) -> [String: Any] {
        var node = node
        while node["type"] == nil, node["enum"] == nil, let first = (node["anyOf"] as? [[String: Any]])?.first { node = first }
        return node
    }

    @Test func theShippedSchemaIsTheGeneratedOne() throws {
        let generated = try Self.generated.get()
        let shipped = try String(contentsOfFile: "\(Self.scenarios)/runway.schema.json", encoding: .utf8)
        guard generated != shipped else { return }
        let a = generated.split(separator: "\n", omittingEmptySubsequences: false), b = shipped.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        Issue.record("Scenarios/runway.schema.json is out of date from line \(line + 1) (generated: \(a.count > line ? String(a[line].prefix(120)) : "end"); shipped: \(b.count > line ? String(b[line].prefix(120)) : "end")); run `make schema`")
    }

    @Test func aFractionHasItsRangeUnitSourceAndDatedForm() throws {
        let fraction = try Self.key("budget.cut.fraction")
        let plain = Self.plain(fraction)
        #expect(plain["type"] as? String == "number")
        #expect(plain["minimum"] as? Double == 0 && plain["maximum"] as? Double == 1)
        let description = try #require(fraction["description"] as? String)
        #expect(description.contains("fraction of the baseline"), "the comment of baseline.yaml: \(description)")
        #expect(description.contains("a fraction between 0 and 1"), "the decoder's words: \(description)")
        #expect(fraction["default"] as? Double == 0)
        // Dated values: {values: {DATE: a fraction}, between: step|linear}.
        let dated = try #require((fraction["anyOf"] as? [[String: Any]])?.last)
        let properties = try #require(dated["properties"] as? [String: Any])
        #expect((properties["between"] as? [String: Any])?["enum"] as? [String] == ["step", "linear"])
        let values = try #require(properties["values"] as? [String: Any])
        #expect(Self.plain(try #require(values["additionalProperties"] as? [String: Any]))["maximum"] as? Double == 1)
        #expect(dated["additionalProperties"] as? Bool == false)
    }

    @Test func moneyHasItsUnitInTheDescription() throws {
        let tariff = try Self.key("services.residential.tariff_eur_per_day")
        #expect((tariff["description"] as? String)?.hasPrefix("EUR per day") == true, "\(tariff)")
        #expect(Self.plain(tariff)["maximum"] as? Double == 2.5e8)
    }

    @Test func keysThatCannotChangeDuringARunHaveNoDatedForm() throws {
        let children = try Self.key("population.children")
        #expect(children["anyOf"] == nil, "\(children)")
        #expect(children["type"] as? String == "integer")
        #expect(children["minimum"] as? Double == 1 && children["maximum"] as? Double == 20_000_000)
        let age = try Self.key("population.leaving_age_years")
        #expect(age["anyOf"] == nil && age["type"] as? String == "number", "\(age)")
    }

    @Test func choicesAreEnumsOfTheDecodersCases() throws {
        #expect(Self.plain(try Self.key("policies.queue_discipline"))["enum"] as? [String] == ["fifo", "severity"])
        #expect(Self.plain(try Self.key("experiment.output_interval"))["enum"] as? [String] == ["month", "quarter", "year"])
        #expect(Self.plain(try Self.key("services.residential.duration.distribution"))["enum"] as? [String] == ["exponential", "gamma", "lognormal", "weibull"])
    }

    @Test func rangesThatDependOnOtherKeysTakeTheWidest() throws {
        let spread = Self.plain(try Self.key("services.residential.duration.spread"))
        #expect(spread["minimum"] as? Double == 0.01 && spread["maximum"] as? Double == 50, "a Weibull shape up to 50: \(spread)")
        let from = try Self.key("population.needs.onset_per_year[].from_age_years")
        #expect(from["maximum"] as? Double == 30)
        #expect((from["description"] as? String)?.contains("population.leaving_age_years") == true)
    }

    @Test func theAlternativesOfTheCutAreOptionalAndReached() throws {
        let schedule = try Self.key("budget.cut.schedule")
        #expect((schedule["anyOf"] as? [[String: Any]])?.contains { $0["type"] as? String == "null" } == true, "\(schedule)")
        #expect((Self.plain(schedule)["items"] as? [String: Any])?["maximum"] as? Double == 1)
    }

    @Test func listItemsAreCompleteBlocks() throws {
        let group = try Self.key("population.risk_groups[]")
        #expect(Set(group["required"] as? [String] ?? []) == ["name", "share", "onset_multiplier", "escalation_multiplier"])
        let calibration = try #require((try Self.schema()["properties"] as? [String: Any])?["calibration"] as? [String: Any])
        #expect(((calibration["items"] as? [String: Any])?["required"] as? [String]).map(Set.init) == ["key", "lower", "upper"])
    }

    /// Every block with properties refuses other keys, as the decoder does; the blocks
    /// keyed by names (risk groups) and the loader's `set:` and `sweep:` check keys otherwise.
    @Test func unknownKeysAreRefusedEverywhere() throws {
        var open: [String] = []
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                if object["properties"] != nil, object["additionalProperties"] as? Bool != false { open.append(path) }
                for (key, child) in object { walk(child, "\(path)/\(key)") }
            } else if let list = value as? [Any] {
                for (k, child) in list.enumerated() { walk(child, "\(path)/\(k)") }
            }
        }
        let schema = try Self.schema()
        walk(schema, "")
        #expect(open.isEmpty, "\(open)")
        #expect(schema["additionalProperties"] as? Bool == false)
        let topLevel = Set(((schema["properties"] as? [String: Any]) ?? [:]).keys)
        #expect(topLevel == ["extends", "name", "description", "horizon", "population", "budget", "services", "policies", "experiment", "set", "sweep", "calibration"])
        let named = try Self.key("services.debt_help.money_problems_per_year")
        #expect((named["additionalProperties"] as? [String: Any])?["anyOf"] != nil, "any risk group's name, with a rate: \(named)")
        // set: and sweep: keys must be scenario keys.
        let pattern = try #require(((schema["$defs"] as? [String: Any])?["key_path"] as? [String: Any])?["pattern"] as? String)
        let regex = try Regex(pattern)
        for good in ["budget.cut.fraction", "population.needs.onset_per_year[1].rate", "services.debt_help.money_problems_per_year.low_income",
                     "services.neighbourhood_team.budget_share.values.2015-01-01"] {
            #expect(good.wholeMatch(of: regex) != nil, "\(good)")
        }
        for bad in ["budget.cut.fracton", "population.needs.onset_per_year.rate", "polices.queue_discipline"] {
            #expect(bad.wholeMatch(of: regex) == nil, "\(bad)")
        }
    }
}
