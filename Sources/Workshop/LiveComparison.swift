import CareModel
import Dispatch
import Foundation
import Reporting
import Synchronization

/// One lever change from one page: the starting point A and the changed scenario B on
/// common random numbers (replication r of both draws the same random streams), run by
/// the `SimulationPool`. Replications arrive in pairs (A0, B0, A1, B1, …), and the page
/// asks for a `Snapshot` of the pairs finished so far, so its curves refine as they come.
public final class LiveComparison: Sendable {
    public enum Status: String, Sendable, Encodable { case queued, running, done, cancelled, failed }

    struct Task: Sendable {
        let scenario: Int
        let replication: Int
    }

    public let id: String
    /// The page that asked (a newer request from it cancels this one).
    public let client: String
    public let plan: ExplorePlan
    let models: [CompiledModel]
    let cache: ResultCache
    let created = DispatchTime.now().uptimeNanoseconds

    struct State {
        var pending: [Task]
        var inFlight = 0
        var results: [[ReplicationResult?]]
        var status: Status = .queued
        var message: String?
        var firstPairSeconds: Double?
        var allPairsSeconds: Double?
        var rendered: (pairs: Int, view: Snapshot.View)?
    }
    private let state: Mutex<State>

    init(id: String, client: String, plan: ExplorePlan, cache: ResultCache) throws {
        self.id = id
        self.client = client
        self.plan = plan
        self.cache = cache
        models = try [CompiledModel(plan.a), CompiledModel(plan.b)]
        let n = plan.replications
        var results: [[ReplicationResult?]] = [Array(repeating: nil, count: n), Array(repeating: nil, count: n)]
        for (r, result) in cache.results(plan.aKey) where r < n { results[0][r] = result }
        var pending: [Task] = []
        for r in 0..<n {
            if results[0][r] == nil { pending.append(Task(scenario: 0, replication: r)) }
            pending.append(Task(scenario: 1, replication: r))
        }
        state = Mutex(State(pending: pending, results: results))
    }

    var pendingCount: Int { state.withLock { $0.pending.count } }

    var isFinished: Bool { state.withLock { $0.inFlight == 0 && ($0.pending.isEmpty || $0.status == .cancelled || $0.status == .failed) } }

    public var status: Status { state.withLock { $0.status } }

    func cancel() {
        state.withLock { s in
            guard s.status == .queued || s.status == .running else { return }
            s.status = .cancelled
            s.pending.removeAll()
        }
    }

    func takeTask() -> Task? {
        state.withLock { s in
            guard (s.status == .queued || s.status == .running), !s.pending.isEmpty else { return nil }
            s.status = .running
            s.inFlight += 1
            return s.pending.removeFirst()
        }
    }

    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - created) / 1e9 }

    /// Runs one replication (the first of each scenario tells the stories too; stories
    /// have their own random stream and change no result).
    func execute(_ task: Task) {
        let result: Result<ReplicationResult, any Error>
        if status == .cancelled {
            result = .failure(CancellationError())
        } else {
            do {
                result = .success(try Replication(model: models[task.scenario], replication: task.replication,
                                                  stories: task.replication == 0 ? plan.stories : 0).run())
            } catch {
                result = .failure(error)
            }
        }
        if case .success(let r) = result, task.scenario == 0 { cache.store(plan.aKey, r) }
        state.withLock { s in
            s.inFlight -= 1
            switch result {
            case .success(let r):
                guard s.status == .running else { return }
                s.results[task.scenario][task.replication] = r
                let pairs = zip(s.results[0], s.results[1]).filter { $0 != nil && $1 != nil }.count
                if pairs >= 1 && s.firstPairSeconds == nil { s.firstPairSeconds = elapsed }
                if pairs == plan.replications {
                    s.allPairsSeconds = elapsed
                    s.status = .done
                }
            case .failure(let error):
                guard s.status == .running, !(error is CancellationError) else { return }
                s.status = .failed
                s.message = "The simulation stopped: \(error)"
                s.pending.removeAll()
            }
        }
    }

    /// The finished pairs, in replication order.
    func pairs() -> (a: [ReplicationResult], b: [ReplicationResult]) {
        state.withLock { Self.pairs($0) }
    }

    private static func pairs(_ s: State) -> (a: [ReplicationResult], b: [ReplicationResult]) {
        let both = zip(s.results[0], s.results[1]).compactMap { a, b in a.flatMap { a in b.map { (a, $0) } } }
        return (both.map(\.0), both.map(\.1))
    }

    /// The numbers of pairs at which the page's charts are drawn again: 1, 2, 3, 4, 6, 8,
    /// 10, 12, 15, 20, then every 5, and the last. Drawing costs CPU the simulations need,
    /// so not every pair is drawn; these keep the bands refining where they move most.
    static func isDrawn(_ pairs: Int, of total: Int) -> Bool {
        pairs == total || [1, 2, 3, 4, 6, 8, 10, 12, 15].contains(pairs) || (pairs >= 20 && pairs % 5 == 0)
    }

    /// What the page shows now. The charts are drawn once per number of finished pairs
    /// (at the steps of `isDrawn`) and only sent when the page has seen fewer (`seen`).
    public func snapshot(seen: Int) throws -> Snapshot {
        // The pairs and the status read together, so that "done" always comes with every pair.
        let (all, b0, status, message, first, allSeconds, rendered) = state.withLock { s in
            let (a, b) = Self.pairs(s)
            return (a, b, s.status, s.message, s.firstPairSeconds, s.allPairsSeconds, s.rendered)
        }
        let drawnCount = (0...all.count).last { $0 == 0 || Self.isDrawn($0, of: plan.replications) }!
        let a = Array(all.prefix(drawnCount)), b = Array(b0.prefix(drawnCount))
        var view: Snapshot.View?
        if a.count > seen {
            if let rendered, rendered.pairs == a.count {
                view = rendered.view
            } else {
                let drawn = try Snapshot.View(plan: plan, a: a, b: b)
                state.withLock { s in if (s.rendered?.pairs ?? -1) < a.count { s.rendered = (a.count, drawn) } }
                view = drawn
            }
        }
        return Snapshot(id: id, status: status, pairs: all.count, drawnPairs: a.count, replications: plan.replications, seconds: elapsed,
                        firstCurveSeconds: first, allSeconds: allSeconds, message: message, view: view)
    }
}
