import CareModel
import Experiments
import Testing

/// The memory and time a run will need, estimated before it starts.
@Suite struct ResourceEstimateTests {
    static func parameters(children: Int, years: Int) -> ResourceEstimate.Size {
        ResourceEstimate.Size(children: children, days: years * 365, outputMonths: 1)
    }

    @Test func memoryGrowsWithChildrenAndReplicationsInFlight() {
        let one = ResourceEstimate(sizes: [Self.parameters(children: 1_000_000, years: 10)], replications: 1, jobs: 8)
        let four = ResourceEstimate(sizes: [Self.parameters(children: 1_000_000, years: 10)], replications: 20, jobs: 4)
        #expect(one.inFlight == 1, "never more in flight than replications")
        #expect(four.inFlight == 4)
        #expect(one.bytesPerReplication > 1e8 && one.bytesPerReplication < 2e8, "about 100 bytes per child")
        #expect(four.bytes > 4 * one.bytesPerReplication)
    }

    @Test func refusesWhatWillNotFitAndSaysHowToMakeItFit() throws {
        let e = ResourceEstimate(sizes: [Self.parameters(children: 10_000_000, years: 10)], replications: 8, jobs: 4, kept: .summaries)
        #expect(e.refusal(limit: 1e12, limitSource: "test") == nil)
        let message = try #require(e.refusal(limit: 2.5e9, limitSource: "--max-memory 2.5"))
        #expect(message.contains("more than the limit of 2.5 GB (--max-memory 2.5)"), "\(message)")
        #expect(message.contains("--jobs 2"), "two replications of 1 GB fit: \(message)")
        #expect(message.contains("--max-memory GB"))
    }

    @Test func warnsAboutLongRuns() throws {
        let short = ResourceEstimate(sizes: [Self.parameters(children: 3000, years: 18)], replications: 3, jobs: 2)
        #expect(short.warning(resumable: true) == nil)
        let long = ResourceEstimate(sizes: [Self.parameters(children: 45_000, years: 26)], replications: 100_000, jobs: 2, cores: 2)
        let warning = try #require(long.warning(resumable: true))
        #expect(warning.contains("this run will take about"), "\(warning)")
        #expect(warning.contains("Ctrl-C"))
        #expect(long.seconds > 3600)
    }
}
