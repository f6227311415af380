import CareModel
import Dispatch
import Stochastics
import Synchronization

/// Runs replications of one scenario, in parallel on `jobs` threads.
///
/// Each replication draws from its own streams, derived from (seed, replication,
/// stream id) only, and results are stored by replication number: the output is the
/// same whatever the number of threads, and two scenarios run with the same seed
/// share their random numbers (common random numbers).
public enum ExperimentRunner {
    public struct Outcome: Sendable {
        public let results: [ReplicationResult]
        public let wallSeconds: Double
        public var events: UInt64 { results.reduce(0) { $0 + $1.events } }
    }

    /// Runs the replications numbered `replications` (0-based).
    public static func run(_ model: CompiledModel, replications: Range<Int>, jobs: Int,
                           progress: (@Sendable (Int) -> Void)? = nil) throws(DistributionError) -> Outcome {
        let started = DispatchTime.now().uptimeNanoseconds
        let count = replications.count
        let slots = Mutex<[ReplicationResult?]>(Array(repeating: nil, count: count))
        let failure = Mutex<DistributionError?>(nil)
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let workers = max(1, min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let k = next.add(1, ordering: .relaxed).oldValue
                guard k < count else { return }
                do throws(DistributionError) {
                    let result = try Replication(model: model, replication: replications.lowerBound + k).run()
                    slots.withLock { $0[k] = result }
                    let finished = done.add(1, ordering: .relaxed).newValue
                    progress?(finished)
                } catch {
                    failure.withLock { $0 = error }
                    return
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        let results = slots.withLock { $0.map { $0! } }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return Outcome(results: results, wallSeconds: seconds)
    }
}
