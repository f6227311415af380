import CareModel
import Foundation

/// What a run will need, estimated from its scenario before it starts: memory (the
/// replications in flight at once, each holding its children, households, event list
/// and rows) and time (events, from a measured rate per child-year).
///
/// The constants are measured on the national run (3.4 million children, 15 years: 24
/// to 29 million events, about 88 bytes per child at its peak of 300 MB) and the
/// baseline (45,000 children, 26 years: 0.69 million events), rounded up, so the
/// estimate errs on the large side.
public struct ResourceEstimate: Sendable, Equatable {
    /// Memory one replication holds per child: the 32-byte child record, its share of
    /// the household arrays and of the pending events, and the tables' room to grow.
    public static let bytesPerChild = 100.0
    /// Memory per simulated day (the event list's day buckets).
    public static let bytesPerDay = 64.0
    /// Memory per output period (the row of metric values and its text).
    public static let bytesPerPeriod = Double(MetricCatalog.definitions.count) * 48
    /// The process itself: code, GSL, the compiled model.
    public static let processBytes = 64e6
    /// Events per child-year simulated.
    public static let eventsPerChildYear = 0.6
    /// Events per second one thread runs (a release build; a conservative figure).
    public static let eventsPerSecondPerThread = 1.0e6
    /// Runs estimated to take longer than this get a warning before they start.
    public static let warnAfterSeconds = 300.0

    /// Memory of the largest replication (bytes).
    public let bytesPerReplication: Double
    /// Replications held in memory at once: min(jobs, replications).
    public let inFlight: Int
    /// Memory of what is kept of every replication until the end: its summary line (a
    /// sweep, a shard), or all its rows as well (the final files of a single scenario
    /// are assembled in memory; `runway compare` keeps every replication's rows).
    public let keptBytes: Double

    /// What a run keeps of each replication until the end.
    public enum Kept: Sendable { case summaries, rows }
    /// Replications in all.
    public let replications: Int
    /// Replications still to run (the rest are done: a resumed run).
    public let toRun: Int
    /// Children of the largest grid point.
    public let children: Int
    /// Events of all replications together.
    public let events: Double
    /// Threads that run at once: min(jobs, cores, replications).
    public let threads: Int

    /// What the estimate needs of a grid point (or scenario).
    public struct Size: Sendable, Equatable {
        public var children: Int
        /// Days simulated.
        public var days: Int
        /// Months per output period.
        public var outputMonths: Int

        public init(children: Int, days: Int, outputMonths: Int) {
            self.children = children
            self.days = days
            self.outputMonths = outputMonths
        }

        public init(_ p: ModelParameters) {
            self.init(children: p.population.children, days: p.horizon.end.daysSinceEpoch - p.horizon.start.daysSinceEpoch,
                      outputMonths: p.experiment.outputInterval.months)
        }
    }

    public init(points: [ModelParameters], replications: Int, toRun: Int? = nil, jobs: Int,
                cores: Int = ProcessInfo.processInfo.activeProcessorCount, kept: Kept = .rows) {
        self.init(sizes: points.map(Size.init), replications: replications, toRun: toRun, jobs: jobs, cores: cores, kept: kept)
    }

    /// - Parameters:
    ///   - sizes: the size of each grid point (or scenario) run.
    ///   - replications: replications of each point.
    ///   - toRun: replications (of all points together) still to run; nil: all.
    ///   - kept: what is kept of each replication until the end.
    public init(sizes: [Size], replications: Int, toRun: Int? = nil, jobs: Int,
                cores: Int = ProcessInfo.processInfo.activeProcessorCount, kept: Kept = .rows) {
        var largest = 0.0, events = 0.0, keptPerPoint = 0.0, children = 0
        for p in sizes {
            let days = Double(max(0, p.days))
            let periods = days / 30.44 / Double(max(1, p.outputMonths)) + 1
            let child = Double(max(0, p.children))
            largest = max(largest, child * Self.bytesPerChild + days * Self.bytesPerDay + periods * Self.bytesPerPeriod)
            events += child * days / 365.25 * Self.eventsPerChildYear * Double(max(replications, 0))
            let summary = Double(MetricCatalog.definitions.count) * 32 + 64
            keptPerPoint += (kept == .rows ? periods * Self.bytesPerPeriod + summary : summary) * Double(max(replications, 0))
            children = max(children, p.children)
        }
        let total = sizes.count * max(replications, 0)
        let running = min(total, max(0, toRun ?? total))
        bytesPerReplication = largest
        inFlight = max(1, min(jobs, running))
        keptBytes = keptPerPoint
        self.replications = total
        self.toRun = running
        self.children = children
        // The events of the replications still to run (as a share of all of them).
        self.events = total > 0 ? events * Double(running) / Double(total) : 0
        threads = max(1, min(jobs, cores, running))
    }

    /// Memory the run needs (bytes).
    public var bytes: Double { Self.processBytes + Double(inFlight) * bytesPerReplication + keptBytes }

    /// Wall time (seconds).
    public var seconds: Double { events / (Self.eventsPerSecondPerThread * Double(threads)) }

    /// Why the run must not start when `limit` bytes is the most it may use (nil when
    /// it fits). `limitSource` says where the limit comes from.
    public func refusal(limit: Double, limitSource: String) -> String? {
        guard bytes > limit else { return nil }
        var message = "this run needs about \(Self.gigabytes(bytes)) of memory (\(inFlight) replication(s) at once"
            + " × \(Self.gigabytes(bytesPerReplication)) for \(Self.count(Double(children))) children"
            + (keptBytes > 1e8 ? ", and \(Self.gigabytes(keptBytes)) for the results of \(Self.count(Double(replications))) replications" : "")
            + "), more than the limit of \(Self.gigabytes(limit)) (\(limitSource)); "
        // Through the model's checked conversion: a limit or size that is not a number gives 0.
        let fits = (try? checkedInt((limit - Self.processBytes - keptBytes) / bytesPerReplication, "replications that fit",
                                    allowNegative: true)) ?? 0
        if fits >= 1 && fits < inFlight {
            message += "run fewer replications at once with --jobs \(fits), or raise the limit with --max-memory GB"
        } else {
            message += keptBytes > limit / 2
                ? "run fewer replications (their rows are put together in memory for the final files), or raise the limit with --max-memory GB"
                : "a smaller population or a shorter horizon would fit; or raise the limit with --max-memory GB"
        }
        return message
    }

    /// A warning for a run that will take long (nil when it will not). `resumable`:
    /// whether an interrupted run can be continued with --resume.
    public func warning(resumable: Bool) -> String? {
        guard seconds > Self.warnAfterSeconds else { return nil }
        return "this run will take about \(Self.duration(seconds)): \(Self.count(Double(toRun))) replication(s)"
            + " of about \(Self.count(events / Double(max(toRun, 1)))) events each"
            + " at about \(Self.count(Self.eventsPerSecondPerThread)) events/s on each of \(threads) thread(s)."
            + (resumable ? " Ctrl-C stops it and keeps the finished replications; the same command with --resume continues it."
                         : " Ctrl-C stops it.")
    }

    /// The machine's physical memory in bytes (MemTotal of /proc/meminfo, else what
    /// Foundation reports).
    public static func physicalMemory() -> Double {
        if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) {
            for line in text.split(separator: "\n") where line.hasPrefix("MemTotal:") {
                let fields = line.split(separator: " ")
                if fields.count >= 2, let kB = Double(fields[1]) { return kB * 1024 }
            }
        }
        return Double(ProcessInfo.processInfo.physicalMemory)
    }

    /// The share of physical memory a run may use unless --max-memory says otherwise.
    public static let defaultShareOfMemory = 0.8

    static func gigabytes(_ bytes: Double) -> String {
        bytes >= 1e9 ? String(format: "%.1f GB", bytes / 1e9) : String(format: "%.0f MB", bytes / 1e6)
    }

    static func count(_ value: Double) -> String {
        switch value {
        case 1e9...: String(format: "%.1f billion", value / 1e9)
        case 1e6...: String(format: "%.1f million", value / 1e6)
        default: (try? checkedInt(value, "a count", rounding: .toNearestOrAwayFromZero, allowNegative: true)).map(String.init) ?? String(value)
        }
    }

    static func duration(_ seconds: Double) -> String {
        let minutes = Int((seconds / 60).rounded())
        if minutes < 120 { return "\(minutes) min" }
        let hours = Int((seconds / 3600).rounded())
        if hours < 72 { return "\(hours) h" }
        return "\(Int((seconds / 86400).rounded())) days"
    }
}
