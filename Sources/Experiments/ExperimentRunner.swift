import CareModel
import Dispatch
import Stochastics
import Synchronization

/// Runs replications in parallel on `jobs` threads.
///
/// Each replication draws from its own streams, derived from (seed, replication,
/// stream id) only, and results are kept by replication number: the output is the
/// same whatever the number of threads, and two scenarios run with the same seed
/// share their random numbers (common random numbers).
public enum ExperimentRunner {
    public struct Outcome: Sendable {
        public let results: [ReplicationResult]
        public let wallSeconds: Double
        public var events: UInt64 { results.reduce(0) { $0 + $1.events } }
    }

    /// Runs the replications numbered `replications` of one model and returns them in order.
    /// Throws the model's `DistributionError` or `ModelError`.
    public static func run(_ model: CompiledModel, replications: Range<Int>, jobs: Int) throws -> Outcome {
        let started = DispatchTime.now().uptimeNanoseconds
        let slots = Mutex<[Int: ReplicationResult]>([:])
        let work = replications.map { Job(point: 0, replication: $0) }
        _ = try run(work, models: [model], threads: jobs) { _, result in
            slots.withLock { $0[result.replication] = result }
        }
        let results = slots.withLock { all in replications.map { all[$0]! } }
        return Outcome(results: results, wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    /// Runs `work` (jobs of the grid points whose models are `models`), handing each
    /// finished replication to `finished` as soon as it is done (from any thread).
    /// Stops taking new jobs once `shouldStop` returns true; returns the jobs finished.
    public static func run(_ work: [Job], models: [CompiledModel], threads: Int,
                           shouldStop: @Sendable () -> Bool = { false },
                           finished: @Sendable (Job, ReplicationResult) throws -> Void) throws -> Int {
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let failure = Mutex<(any Error)?>(nil)
        let workers = max(1, min(threads, work.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while !shouldStop() && failure.withLock({ $0 == nil }) {
                let k = next.add(1, ordering: .relaxed).oldValue
                guard k < work.count else { return }
                let job = work[k]
                do {
                    let result = try Replication(model: models[job.point], replication: job.replication).run()
                    try finished(job, result)
                    done.add(1, ordering: .relaxed)
                } catch {
                    failure.withLock { $0 = error }
                    return
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return done.load(ordering: .relaxed)
    }
}
