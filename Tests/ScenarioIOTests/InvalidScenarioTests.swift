import CareModel
import Foundation
import Testing
import ScenarioIO

/// Every invalid fixture is rejected with the file, line and key path, and says what was expected.
@Suite struct InvalidScenarioTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    struct Case: Sendable, CustomStringConvertible {
        let file: String
        let line: Int
        let keyPath: String
        let message: String
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: "misspelt-key.yaml", line: 4, keyPath: "budget.cut.fracton", message: "did you mean 'fraction'"),
        Case(file: "out-of-range.yaml", line: 4, keyPath: "budget.cut.fraction", message: "expected a fraction between 0 and 1, got 1.5"),
        Case(file: "wrong-type.yaml", line: 3, keyPath: "population.children", message: "expected a whole number"),
        Case(file: "broken.yaml", line: 4, keyPath: "", message: "broken YAML"),
        Case(file: "unknown-section.yaml", line: 2, keyPath: "polices", message: "did you mean 'policies'"),
        Case(file: "runway-and-schedule.yaml", line: 0, keyPath: "budget.cut", message: "not both"),
        Case(file: "missing-base.yaml", line: 1, keyPath: "extends", message: "not found"),
        Case(file: "bad-choice.yaml", line: 3, keyPath: "policies.queue_discipline", message: "expected one of: fifo, severity; got 'random'"),
        Case(file: "cut-mid-year.yaml", line: 4, keyPath: "budget.cut.start", message: "a 1 January"),
        Case(file: "shares-not-one.yaml", line: 3, keyPath: "population.risk_groups", message: "must add up to 1"),
        // Dated values (README.md, "Dated values"): each error keeps the file, line and key.
        Case(file: "dated-out-of-order.yaml", line: 5, keyPath: "services.neighbourhood_team.budget_share.values.2010-01-01", message: "date out of order"),
        Case(file: "dated-outside-horizon.yaml", line: 5, keyPath: "services.neighbourhood_team.budget_share.values.2030-01-01", message: "date outside the horizon"),
        Case(file: "dated-out-of-range.yaml", line: 7, keyPath: "services.neighbourhood_team.budget_share", message: "expected a fraction between 0 and 1, got 1.5 (on 2015-01-01"),
        Case(file: "dated-non-numeric.yaml", line: 6, keyPath: "services.residential.duration.distribution", message: "dates given to a non-numeric key"),
        Case(file: "dated-fixed-key.yaml", line: 4, keyPath: "population.children", message: "dates given to a key that cannot change during a run"),
    ]

    @Test(arguments: cases)
    func rejected(_ c: Case) {
        let path = "\(Self.fixtures)/\(c.file)"
        do {
            _ = try ScenarioLoader.load(path: path)
            Issue.record("\(c.file) was accepted")
        } catch {
            #expect(error.keyPath == c.keyPath, "\(error)")
            #expect(error.message.contains(c.message), "\(error)")
            if c.line > 0 {
                #expect(error.location.file.hasSuffix(c.file), "\(error)")
                #expect(error.location.line == c.line, "\(error)")
            }
        }
    }

    @Test func commandLineOverridesAreCheckedToo() {
        let path = "\(Self.fixtures)/small.yaml"
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: path, overrides: ["budget.cut.fraction=2"]) }
        do {
            _ = try ScenarioLoader.load(path: path, overrides: ["budget.cut.fractoin=0.2"])
            Issue.record("misspelt override accepted")
        } catch {
            #expect(error.location.file == "--set budget.cut.fractoin=0.2")
            #expect(error.message.contains("did you mean 'fraction'"))
        }
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: path, overrides: ["no-equals-sign"]) }
    }
}

@Suite struct ValidScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["baseline.yaml", "overnight-2015.yaml", "five-year-runway.yaml"])
    func shippedScenariosLoad(_ file: String) throws {
        let loaded = try ScenarioLoader.load(path: Self.root.appendingPathComponent("Scenarios/\(file)").path)
        #expect(loaded.parameters.population.children == 45_000)
    }

    @Test func extendsChangesOnlyWhatDiffers() throws {
        let base = try ScenarioLoader.load(path: Self.root.appendingPathComponent("Scenarios/baseline.yaml").path).parameters
        let phased = try ScenarioLoader.load(path: Self.root.appendingPathComponent("Scenarios/five-year-runway.yaml").path)
        #expect(phased.files.count == 3)
        var expected = base
        expected.name = "five-year-runway"
        expected.description = phased.parameters.description
        expected.budget.cut.fraction = 0.12
        expected.budget.cut.runwayYears = 5
        // The regime after the transfer, as overnight-2015.yaml sets it.
        expected.services.capacityGrowth = CapacityGrowth(placesPerWaitingChild: 0.5, delayYears: 1, shrinkPerYear: 0.1, maxExtraFraction: 1, appliesFrom: .transition,
                                                          placesPerPaidStart: 0.05, inducedReferrals: 0.5)
        expected.services.specialisedFinancing.perDayDriftPerYear = 0.03
        expected.services.specialisedFinancing.perDayMaxFactor = 1.3
        expected.services.specialisedFinancing.reviewShare = 0.2
        expected.policies.openEntitlement = OpenEntitlementParameters(accessFactor: 1.5, accessRampYears: 3, gpRouteOpen: true, teamRefersOn: 0.2)
        #expect(phased.parameters == expected)
    }

    @Test func setOverridesAnyValueIncludingLists() throws {
        let path = Self.root.appendingPathComponent("Scenarios/baseline.yaml").path
        let p = try ScenarioLoader.load(path: path, overrides: [
            "budget.cut.fraction=0.2", "budget.cut.runway_years=3", "services.youth_health_care.contact_ages_years=[0.5, 1, 2]",
        ]).parameters
        #expect(p.budget.cut.fraction == 0.2)
        #expect(p.budget.cut.runwayYears == 3)
        #expect(p.services.youthHealthCare.contactAgesYears == [0.5, 1, 2])
    }

    @Test func everyBaselineValueHasAUnitAndSourceComment() throws {
        // Each line that sets a value carries a comment (unit, meaning, source or "assumption").
        let text = try String(contentsOf: Self.root.appendingPathComponent("Scenarios/baseline.yaml"), encoding: .utf8)
        var missing: [String] = []
        var inBlockList = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let code = trimmed.split(separator: "#", maxSplits: 1)[0].trimmingCharacters(in: .whitespaces)
            let setsValue = code.hasSuffix(":") == false && (code.contains(": ") || code.hasPrefix("- "))
            inBlockList = code.hasPrefix("- name:") || code.hasPrefix("- from_age_years:")
            if setsValue && !trimmed.contains("#") && !inBlockList && code != "name: baseline" && !code.hasPrefix("description:") {
                missing.append(String(line))
            }
        }
        #expect(missing.isEmpty, "values without a unit/source comment:\n\(missing.joined(separator: "\n"))")
    }
}
