import Foundation
import Testing
@testable import SimKernel
import Stochastics

/// The kernel against queueing theory: the mean wait in queue of M/M/1 and M/M/c
/// (Erlang C). Each check runs independent replications with fixed seeds; the
/// tolerance is 4 standard errors of the replication means (plus 2 % for the bias of
/// a finite run that starts empty).
@Suite struct QueueingTheoryTests {
    /// Erlang C mean wait in queue for arrival rate lambda, service rate mu, c servers.
    static func erlangCWait(lambda: Double, mu: Double, servers c: Int) -> Double {
        let a = lambda / mu
        let rho = a / Double(c)
        var term = 1.0, sum = 0.0
        for k in 0..<c {
            if k > 0 { term *= a / Double(k) }
            sum += term
        }
        let last = term * a / Double(c)
        let pWait = last / (1 - rho) / (sum + last / (1 - rho))
        return pWait / (Double(c) * mu - lambda)
    }

    /// Simulates an M/M/c queue on the kernel and returns the mean wait of the
    /// customers served after `warmup` customers.
    static func simulate(lambda: Double, mu: Double, servers: Int, customers: Int, warmup: Int, seed: UInt64, replication: Int) -> Double {
        let arrivals = RandomStream(seed: seed, replication: replication, stream: 1)
        let services = RandomStream(seed: seed, replication: replication, stream: 2)
        var list = EventList()
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

    func check(lambda: Double, mu: Double, servers: Int) {
        let theory = Self.erlangCWait(lambda: lambda, mu: mu, servers: servers)
        let means = (0..<20).map { Self.simulate(lambda: lambda, mu: mu, servers: servers, customers: 20_000, warmup: 2_000, seed: 2024, replication: $0) }
        let stats = SummaryStatistics(means)
        let standardError = stats.standardDeviation / Double(means.count).squareRoot()
        #expect(abs(stats.mean - theory) < 4 * standardError + 0.02 * theory,
                "M/M/\(servers) rho=\(lambda / (mu * Double(servers))): simulated \(stats.mean) ± \(standardError), Erlang C \(theory)")
    }

    @Test func mm1() { check(lambda: 0.7, mu: 1, servers: 1) }
    @Test func mm3() { check(lambda: 2.4, mu: 1, servers: 3) }
    @Test func mm10() { check(lambda: 8.5, mu: 1, servers: 10) }

    @Test func erlangCFormulaMatchesMM1() {
        // M/M/1: Wq = rho / (mu - lambda)
        #expect(abs(Self.erlangCWait(lambda: 0.7, mu: 1, servers: 1) - 0.7 / 0.3) < 1e-12)
    }
}
