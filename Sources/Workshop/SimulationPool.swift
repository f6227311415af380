import CareModel
import Dispatch
import Foundation
import Synchronization

/// A fixed number of worker threads (at most one per core) that run the replications
/// of the live runs, one replication at a time each, taking turns between the runs so
/// that every page gets its first curves early. At most `maxRuns` runs are admitted at
/// once; a further one is refused with a message (the page shows it and may try again).
public final class SimulationPool: Sendable {
    public let workers: Int
    public let maxRuns: Int

    struct State {
        var runs: [LiveComparison] = []
        /// Where the next worker starts looking (round robin over the runs).
        var turn = 0
        /// Replications running now (never more than `workers`).
        var running = 0
        var peakRunning = 0
    }

    private let state = Mutex(State())
    /// One signal per replication queued; a worker takes one signal per replication it looks for.
    private let work = DispatchSemaphore(value: 0)

    public init(workers: Int, maxRuns: Int) {
        self.workers = max(1, workers)
        self.maxRuns = max(1, maxRuns)
        for k in 0..<self.workers {
            let thread = Thread { [self] in self.workerLoop() }
            thread.name = "runway-simulation-\(k)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Admits a run, or refuses it when `maxRuns` are already in progress (a session's
    /// round is admitted anyway: its groups wait in the queue instead).
    public func submit(_ run: LiveComparison, admitBeyondLimit: Bool = false) throws(WorkshopError) {
        let queued: Int = try state.withLock { (s: inout State) throws(WorkshopError) -> Int in
            guard s.runs.count < maxRuns || admitBeyondLimit else {
                throw WorkshopError(status: 503, "The server is busy: \(s.runs.count) runs are in progress on \(workers) core\(workers == 1 ? "" : "s"). Try again in a few seconds.")
            }
            s.runs.append(run)
            return run.pendingCount
        }
        for _ in 0..<queued { work.signal() }
    }

    /// Stops a run: no new replication of it starts (those running finish and are dropped).
    public func cancel(_ run: LiveComparison) {
        run.cancel()
        state.withLock { s in s.runs.removeAll { $0 === run } }
    }

    /// Runs in progress (admitted and not finished), and replications running now.
    public var load: (runs: Int, running: Int, peakRunning: Int) {
        state.withLock { ($0.runs.count, $0.running, $0.peakRunning) }
    }

    private func workerLoop() {
        while true {
            work.wait()
            let next: (LiveComparison, LiveComparison.Task)? = state.withLock { s in
                guard !s.runs.isEmpty else { return nil }
                for offset in 0..<s.runs.count {
                    let k = (s.turn + offset) % s.runs.count
                    if let task = s.runs[k].takeTask() {
                        s.turn = k + 1
                        s.running += 1
                        s.peakRunning = max(s.peakRunning, s.running)
                        return (s.runs[k], task)
                    }
                }
                return nil
            }
            guard let (run, task) = next else { continue }
            run.execute(task)
            state.withLock { s in
                s.running -= 1
                if run.isFinished { s.runs.removeAll { $0 === run } }
            }
        }
    }
}

/// An answer other than 200, with the message the page shows.
public struct WorkshopError: Error, Sendable, CustomStringConvertible {
    public let status: Int
    public let message: String
    public init(status: Int, _ message: String) {
        self.status = status
        self.message = message
    }
    public var description: String { message }
}
