import CareModel
import Synchronization

/// The starting point's replications, kept between lever changes: A is the same on
/// every request from a page (same scenario, seed and size), so a lever change runs
/// only B. Keyed by the overrides that made A; the least recently used of more than
/// `capacity` starting points is dropped (a municipal replication holds about 0.4 MB).
final class ResultCache: Sendable {
    private struct Entry {
        var results: [Int: ReplicationResult]
        var used: UInt64
    }
    private struct State {
        var entries: [String: Entry] = [:]
        var clock: UInt64 = 0
    }
    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func results(_ key: String) -> [Int: ReplicationResult] {
        state.withLock { s in
            s.clock += 1
            s.entries[key]?.used = s.clock
            return s.entries[key]?.results ?? [:]
        }
    }

    func store(_ key: String, _ result: ReplicationResult) {
        state.withLock { s in
            s.clock += 1
            s.entries[key, default: Entry(results: [:], used: s.clock)].results[result.replication] = result
            s.entries[key]!.used = s.clock
            while s.entries.count > capacity, let oldest = s.entries.min(by: { $0.value.used < $1.value.used })?.key {
                s.entries[oldest] = nil
            }
        }
    }
}
