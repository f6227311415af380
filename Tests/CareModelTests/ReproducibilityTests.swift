import CareModel
import Testing

@Suite struct ReproducibilityTests {
    /// Every value's bits: the same results are the same bits (and an undefined value,
    /// NaN, equals itself, as it does not as a Double).
    static func values(_ results: [ReplicationResult]) -> [[UInt64]] {
        results.flatMap { $0.rows.map { $0.values.map(\.bitPattern) } }
    }

    @Test func sameSeedSameResults() throws {
        #expect(Self.values(try TestScenario.run()) == Self.values(try TestScenario.run()))
    }

    @Test func threadCountDoesNotChangeResults() throws {
        let one = try TestScenario.run(replications: 3, jobs: 1)
        let two = try TestScenario.run(replications: 3, jobs: 2)
        let many = try TestScenario.run(replications: 3, jobs: 8)
        #expect(Self.values(one) == Self.values(two))
        #expect(Self.values(one) == Self.values(many))
        #expect(one.map(\.events) == many.map(\.events))
    }

    @Test func otherSeedOtherResults() throws {
        #expect(Self.values(try TestScenario.run()) != Self.values(try TestScenario.run(["experiment.seed=8"])))
    }

    @Test func replicationsDiffer() throws {
        let r = try TestScenario.run()
        #expect(Self.values([r[0]]) != Self.values([r[1]]))
    }
}
