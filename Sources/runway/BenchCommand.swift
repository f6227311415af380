import ArgumentParser
import Workloads

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark workloads (see Benchmarks/README.md).",
        subcommands: [ReferenceBench.self])
}

struct ReferenceBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Run the reference queueing network on Runway's kernel and print one result line.",
        discussion: "Prints: completed=<n> mean_time_in_system=<days> events=<n> seconds=<wall>. Events are arrivals plus service completions. The analytic mean time in system is \(ReferenceNetwork.analyticMeanTimeInSystem) days.")

    @Option(help: "Number of arrivals.")
    var arrivals: Int = 1_000_000

    @Option(help: "Seed of the random streams.")
    var seed: UInt64 = 1

    @Flag(help: "Print only the analytic mean time in system (days) and exit.")
    var analytic = false

    func validate() throws {
        if arrivals < 1 { throw ValidationError("--arrivals must be at least 1") }
    }

    func run() throws {
        if analytic {
            print(ReferenceNetwork.analyticMeanTimeInSystem)
            return
        }
        print(ReferenceNetwork.run(arrivals: arrivals, seed: seed).line)
    }
}
