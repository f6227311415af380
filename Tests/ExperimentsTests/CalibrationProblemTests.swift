import CareModel
import Experiments
import Testing

/// The calibration problem without simulating: the map between bounded parameters and
/// the simplex's coordinates, the settings handed to the model builder, and failures.
@Suite struct CalibrationProblemTests {
    struct BuildFailed: Error { let settings: [String] }

    static let targets = [CalibrationTarget(quantity: .protectionInflowPer1000, value: 6, weight: 1, source: "test")]

    static func problem(_ build: @escaping ([String]) throws -> CompiledModel = { throw BuildFailed(settings: $0) }) -> CalibrationProblem {
        CalibrationProblem(parameters: [.init(key: "a.b", lower: 0.2, upper: 2), .init(key: "c", lower: -1, upper: 1)],
                           targets: targets, replications: 2, jobs: 1, years: 6, build: build)
    }

    @Test func valuesStayInsideTheBounds() {
        let p = Self.problem()
        for u in [-50.0, -3, 0, 3, 50] {
            #expect((0.2...2).contains(p.value(u, 0)))
            #expect((-1...1).contains(p.value(u, 1)))
        }
        #expect(abs(p.value(0, 0) - 1.1) < 1e-12, "u = 0 is the middle of the bounds")
    }

    @Test func unboundedInvertsValue() {
        let p = Self.problem()
        for x in [0.25, 1.0, 1.9] { #expect(abs(p.value(p.unbounded(x, 0), 0) - x) < 1e-9) }
        for x in [-0.9, 0.0, 0.5] { #expect(abs(p.value(p.unbounded(x, 1), 1) - x) < 1e-9) }
        // Values on or outside a bound are kept just inside it.
        #expect(p.unbounded(2, 0).isFinite)
        #expect(p.unbounded(-5, 1).isFinite)
    }

    @Test func startsAtTheScenarioValuesOrTheMiddle() {
        let p = Self.problem()
        let u = p.start([0.5, nil])
        #expect(abs(p.value(u[0], 0) - 0.5) < 1e-9)
        #expect(abs(u[1]) < 1e-9, "no value in the scenario: the middle of the bounds")
    }

    @Test func settingsNameEveryParameter() {
        #expect(Self.problem().settings([0.5, -0.25]) == ["a.b=0.5", "c=-0.25"])
    }

    @Test func aFailingModelStopsTheSearchWithItsError() throws {
        let p = Self.problem()
        let error = try #require(throws: BuildFailed.self) { try p.objective(at: [0, 0]) }
        #expect(error.settings == ["a.b=1.1", "c=0.0"])
        #expect(throws: BuildFailed.self) { try p.minimize(from: [0, 0], maxIterations: 3) }
    }
}
