import CareModel
import Foundation
import Stochastics
import Testing

/// The model's one door from `Double` to `Int` (`checkedInt`): a value that slipped past
/// the scenario's checks becomes a `ModelError` (exit code 1 with a message), never a trap.
@Suite struct CheckedConversionTests {
    @Test func checkedIntRoundsLikeIntAndRefusesWhatDoesNotFit() throws {
        #expect(try checkedInt(12.9, "x") == 12)
        #expect(try checkedInt(12.1, "x", rounding: .up) == 13)
        #expect(try checkedInt(-0.0, "x") == 0)
        #expect(try checkedInt(largestCheckedInt, "x") == 9_007_199_254_740_992)
        for bad in [Double.nan, .infinity, -.infinity, 1e19, 1e308, -1] {
            #expect(throws: ModelError.self) { try checkedInt(bad, "the places") }
        }
        do {
            _ = try checkedInt(1e19, "the residential places of 2015")
        } catch {
            #expect(error.description.contains("the residential places of 2015 is 1e+19"), "\(error)")
        }
    }

    /// Parameters made in code skip the scenario's checks: CompiledModel still refuses
    /// a place count that does not fit, by throwing, before any replication runs.
    @Test func compiledModelThrowsForCountsThatDoNotFit() throws {
        var p = try TestScenario.parameters()
        p.services.specialisedAmbulant.placesPer1000Children = 1e300
        #expect(throws: ModelError.self) { try CompiledModel(p) }

        p = try TestScenario.parameters()
        p.budget.baselineEurPerYear = 1e308
        #expect(throws: ModelError.self) { try CompiledModel(p) }

        p = try TestScenario.parameters()
        p.levers.debtHelp.costPerHouseholdEurPerYear = 1e-308
        #expect(throws: ModelError.self) { try CompiledModel(p) }

        p = try TestScenario.parameters()
        p.services.schoolCare.duration.spread = 1e155
        #expect(throws: DistributionError.self) { try CompiledModel(p) }
    }

    /// Durations whose derived parameters overflow are refused where they are made.
    @Test func durationsRefuseSpreadsThatOverflow() {
        for (kind, spread) in [("gamma", 1e155), ("gamma", 1e-160), ("lognormal", 1e155), ("weibull", 1e-3)] {
            #expect(throws: DistributionError.self, "\(kind) \(spread)") {
                try DurationDistribution.make(kind: kind, mean: 100, spread: spread)
            }
        }
    }
}
