import SimKernel
import Stochastics

/// An M/M/c queue on Runway's kernel, for checks against Erlang C.
public enum MMcQueue {
    /// Mean wait in queue of the customers after the first `warmup`, over `customers`
    /// arrivals (Poisson rate `lambda`, exponential service rate `mu`, `servers` servers).
    public static func meanWait(lambda: Double, mu: Double, servers: Int, customers: Int, warmup: Int,
                                seed: UInt64, replication: Int) -> Double {
        let arrivals = RandomStream(seed: seed, replication: replication, stream: 1)
        let services = RandomStream(seed: seed, replication: replication, stream: 2)
        var list = EventList(bucketWidth: 64 / lambda)
        var resource = Resource(capacity: servers)
        let arrive: UInt32 = 0, depart: UInt32 = 1
        var arrived = 0, started = 0
        var totalWait = 0.0
        func start(_ waited: Double) {
            started += 1
            if started > warmup { totalWait += waited }
            list.schedule(at: list.now + services.exponential(mean: 1 / mu), priority: EventPriority.release, kind: depart)
        }
        list.schedule(at: arrivals.exponential(mean: 1 / lambda), priority: EventPriority.arrival, kind: arrive)
        while let e = list.next() {
            if e.kind == arrive {
                arrived += 1
                if resource.tryAcquire() { start(0) } else {
                    resource.queue.push(QueueEntry(subject: Int32(arrived), ticket: 0, enqueuedAt: list.now))
                }
                if arrived < customers {
                    list.schedule(at: list.now + arrivals.exponential(mean: 1 / lambda), priority: EventPriority.arrival, kind: arrive)
                }
            } else {
                resource.release()
                if let next = resource.admitNext(isLive: { _ in true }) { start(list.now - next.enqueuedAt) }
            }
        }
        return totalWait / Double(started - warmup)
    }
}
