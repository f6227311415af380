import Foundation
import Testing

/// Values that used to trap (SIGILL, exit code 132) or run without end, and hostile
/// YAML, through the binary: each must exit 2 with a message naming the key (or the
/// file, line and column) and what was expected (issue 13, items 1 and 2).
@Suite(.serialized) struct InputSafetyCLITests {
    typealias CLI = CLITests

    struct Case: Sendable, CustomStringConvertible {
        let settings: [String]
        let message: String
        var description: String { settings.joined(separator: " ") }
    }

    /// One per class of trap found by trying 1e308, 1e19, 1e-308, -0 and huge integers on
    /// every numeric key with `validate` and a short `run`.
    static let traps: [Case] = [
        // Place counts: places per 1,000 children, and staff x caseload / cost.
        Case(settings: ["services.specialised_ambulant.places_per_1000_children=1e19"],
             message: "services.specialised_ambulant.places_per_1000_children: expected a number of places per 1,000 children between 0 and 1000 (a place for every child), got 1e19"),
        Case(settings: ["budget.baseline_eur_per_year=1e308"],
             message: "budget.baseline_eur_per_year: expected an amount in euros between 0 and 100 billion (1e11), got 1e308"),
        Case(settings: ["services.neighbourhood_team.caseload_per_fte=1e308"],
             message: "services.neighbourhood_team.caseload_per_fte: expected a number between 0 and 1000, got 1e308"),
        Case(settings: ["services.school_care.cost_per_fte_eur_per_year=1e-308"],
             message: "services.school_care.cost_per_fte_eur_per_year: expected an amount in euros per year between 1 and 100 billion (1e11), got 1e-308"),
        Case(settings: ["services.debt_help.enabled=true", "services.debt_help.cost_per_household_eur_per_year=1e-308"],
             message: "services.debt_help.cost_per_household_eur_per_year: expected an amount in euros per year between 1 and 100 billion"),
        // Spreads that square to infinity or to 0 (gamma: school care; lognormal: ambulant care).
        Case(settings: ["services.school_care.duration.spread=1e155"],
             message: "services.school_care.duration.spread: expected a coefficient of variation between 0.01 and 10, got 1e155"),
        Case(settings: ["services.specialised_ambulant.duration.spread=1e155"],
             message: "services.specialised_ambulant.duration.spread: expected a coefficient of variation between 0.01 and 10, got 1e155"),
        Case(settings: ["services.neighbourhood_team.duration.spread=1e-308"],
             message: "services.neighbourhood_team.duration.spread: expected a coefficient of variation between 0.01 and 10, got 1e-308"),
        Case(settings: ["services.residential.duration.distribution=weibull", "services.residential.duration.spread=0.001"],
             message: "services.residential.duration.spread: expected a Weibull shape between 0.1 and 50, got 0.001"),
        Case(settings: ["services.youth_protection.duration.mean_days=1e308"],
             message: "services.youth_protection.duration.mean_days: expected a number of days between 0.1 and 36525 (100 years), got 1e308"),
        // Hazards and factors that make every event happen at the same instant (a hang).
        Case(settings: ["population.needs.relapse_per_year=1e308"],
             message: "population.needs.relapse_per_year: expected a rate per year between 0 and 365 (once a day), got 1e308"),
        Case(settings: ["population.risk_groups[1].onset_multiplier=1e19"],
             message: "population.risk_groups[1].onset_multiplier: expected a factor between 0 and 100, got 1e19"),
        Case(settings: ["policies.handover.mean_days=1e-308"],
             message: "policies.handover.mean_days: expected a number of days: 0 (none) or between 0.01 and 36525"),
        // Dates past 2200 (a run of centuries) and children beyond memory.
        Case(settings: ["horizon.end=9999-01-01"],
             message: "horizon.end: expected a 1 January, YYYY-01-01 from 1900-01-01 to 2200-01-01, got '9999-01-01'"),
        Case(settings: ["population.children=50000000"],
             message: "population.children: expected a number between 1 and 20000000, got 50000000"),
        Case(settings: ["services.region.other_children=99999999999999999999"],
             message: "services.region.other_children: expected a whole number"),
        Case(settings: ["services.youth_protection.cost_eur_per_day=1e19"],
             message: "services.youth_protection.cost_eur_per_day: expected an amount in euros per day between 0 and 250 million"),
    ]

    @Test(arguments: traps)
    func trapValuesExitTwoNamingTheKey(_ c: Case) throws {
        let arguments = ["validate", "Scenarios/baseline.yaml"] + c.settings.flatMap { ["--set", $0] }
        let r = try CLI.runway(arguments)
        #expect(r.code == 2, "\(r.err)")
        #expect(r.err.contains("--set \(c.settings.last!): \(c.message)"), "\(r.err)")
    }

    /// The largest values allowed still run: a short run at the limits ends normally.
    @Test func valuesAtTheLimitsRun() throws {
        let out = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let limits = ["population.children=300", "horizon.start=2000-01-01", "horizon.end=2002-01-01", "horizon.warmup_until=2001-01-01",
                      "services.specialised_ambulant.places_per_1000_children=1000", "budget.baseline_eur_per_year=1e11",
                      "services.neighbourhood_team.caseload_per_fte=1000", "services.school_care.cost_per_fte_eur_per_year=1",
                      "services.school_care.duration.spread=10", "services.specialised_ambulant.duration.spread=10",
                      "services.residential.duration.distribution=weibull", "services.residential.duration.spread=0.1",
                      "services.youth_protection.duration.mean_days=36525", "services.debt_help.enabled=true",
                      "services.debt_help.cost_per_household_eur_per_year=1", "services.debt_help.budget_eur_per_year=1e11",
                      "services.region.other_children=20000", "services.youth_protection.cost_eur_per_day=2.5e8"]
        let r = try CLI.runway(["run", "Scenarios/baseline.yaml", "--replications", "1", "--output", out, "--quiet"] + limits.flatMap { ["--set", $0] })
        #expect(r.code == 0, "\(r.err)")
    }

    /// A value out of range in a file names the file, line and column.
    @Test func outOfRangeInAFileNamesTheLine() throws {
        let folder = CLI.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = "\(folder)/huge.yaml"
        try "extends: \(CLI.root.path)/Scenarios/baseline.yaml\nbudget:\n  baseline_eur_per_year: 1e308\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try CLI.runway(["validate", file])
        #expect(r.code == 2)
        #expect(r.err.contains("\(file):3:26: budget.baseline_eur_per_year: expected an amount in euros between 0 and 100 billion (1e11), got 1e308"), "\(r.err)")
    }

    /// A billion-laughs file (nine levels of nine aliases: 387 million strings once
    /// expanded) is refused at its first anchor, in well under a second, before the YAML
    /// library could expand it.
    @Test func aliasBombIsRefusedQuickly() throws {
        let folder = CLI.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = "\(folder)/bomb.yaml"
        var text = "name: bomb\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        var previous = "a"
        for level in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = level
        }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let started = Date()
        let r = try CLI.runway(["validate", file])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(r.code == 2)
        #expect(r.err.contains("\(file):2:4: YAML anchor '&a': anchors (&name) and aliases (*name) are not supported"), "\(r.err)")
        // An alias in --set, and one that is only an alias (no anchor before it).
        let set = try CLI.runway(["validate", "Scenarios/baseline.yaml", "--set", "budget.cut.fraction=*a"])
        #expect(set.code == 2)
        #expect(set.err.contains("--set budget.cut.fraction=*a: budget.cut.fraction: YAML alias '*a'"), "\(set.err)")
    }

    /// Nesting deeper than 64 and files over 1 MiB are refused with a line.
    @Test func deepNestingAndHugeFilesAreRefused() throws {
        let folder = CLI.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let deep = "\(folder)/deep.yaml"
        try ("name: deep\nx: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n")
            .write(toFile: deep, atomically: true, encoding: .utf8)
        let r = try CLI.runway(["validate", deep])
        #expect(r.code == 2)
        #expect(r.err.contains("\(deep):2:67: nested more than 64 levels deep"), "\(r.err)")
        let big = "\(folder)/big.yaml"
        try ("name: big\ndescription: " + String(repeating: "x", count: 1 << 21) + "\n").write(toFile: big, atomically: true, encoding: .utf8)
        let b = try CLI.runway(["validate", big])
        #expect(b.code == 2)
        #expect(b.err.contains("\(big): the file is larger than 1048576 bytes (1 MiB)"), "\(b.err)")
    }

    /// A Latin-1 file: the message names the line and column of the first bad byte.
    @Test func nonUTF8FileNamesTheLineAndColumn() throws {
        let folder = CLI.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = "\(folder)/latin1.yaml"
        let bytes = Array("extends: \(CLI.root.path)/Scenarios/baseline.yaml\nname: latin\ndescription: caf".utf8) + [0xE9] + Array(" au lait\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let r = try CLI.runway(["validate", file])
        #expect(r.code == 2)
        #expect(r.err.contains("\(file):3:17: the file is not UTF-8 text: byte 0xE9"), "\(r.err)")
    }
}
