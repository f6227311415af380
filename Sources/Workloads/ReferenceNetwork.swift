import Dispatch
import SimKernel
import Stochastics

/// The reference workload of the benchmarks: a plain open queueing network any
/// engine can run, so Runway's kernel can be compared with SimPy and hand-written C.
///
/// Poisson arrivals (rate 1 per day) -> screening (1 server, exponential service, mean
/// 0.5 day) -> with probability 0.3 a team (4 servers, mean 3 days) -> with probability
/// 0.25 specialised care (2 servers, mean 5 days). FIFO everywhere. Being a Jackson
/// network, each station behaves as an M/M/c queue with its own arrival rate, so the
/// mean time in system is W = W1 + 0.3 W2 + 0.3 x 0.25 W3 (`analyticMeanTimeInSystem`).
public enum ReferenceNetwork {
    public static let arrivalRate = 1.0
    public static let stations: [(servers: Int, meanService: Double)] = [(1, 0.5), (4, 3.0), (2, 5.0)]
    /// Probability of going on from station k to station k + 1.
    public static let onward = [0.3, 0.25]

    public struct Result: Sendable {
        public let completed: Int
        public let meanTimeInSystem: Double
        public let events: UInt64
        public let seconds: Double

        public var line: String {
            "completed=\(completed) mean_time_in_system=\(meanTimeInSystem) events=\(events) seconds=\(seconds)"
        }
    }

    /// W = sum over stations of (visit probability x M/M/c sojourn time), in days.
    public static var analyticMeanTimeInSystem: Double {
        var visit = 1.0, total = 0.0
        for (k, station) in stations.enumerated() {
            total += visit * QueueingTheory.sojourn(lambda: arrivalRate * visit, meanService: station.meanService, servers: station.servers)
            if k < onward.count { visit *= onward[k] }
        }
        return total
    }

    /// Runs `arrivals` customers through the network until it is empty.
    public static func run(arrivals: Int, seed: UInt64) -> Result {
        let started = DispatchTime.now().uptimeNanoseconds
        let simulation = Simulation(arrivals: arrivals, seed: seed)
        simulation.run()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return Result(completed: simulation.completed, meanTimeInSystem: simulation.totalTime / Double(max(simulation.completed, 1)),
                      events: simulation.list.processed, seconds: seconds)
    }

    /// The network's state, mutated in place (no captured closures in the loop). A class,
    /// like the model's `Replication`, with each stream in a constant of its own: then a draw
    /// costs no retain and release of its stream (a stream read from an array, or from a
    /// struct in a mutating method, was retained around every draw: a tenth of the run).
    final class Simulation {
        static let arrivalKind: UInt32 = 3
        let arrivals: Int
        let arrivalStream: RandomStream
        let screeningStream, teamStream, specialisedStream: RandomStream
        let routing: RandomStream
        let meanService: [Double]
        // About 64 arrivals per bucket: the heap stays small and buckets are few.
        var list = EventList(bucketWidth: 64)
        // The stations and the arrival times in memory the simulation owns (freed in deinit):
        // an array would check on every write that its storage is not shared.
        let resources: UnsafeMutablePointer<Resource>
        let arrivedAt: UnsafeMutablePointer<Double>
        var arrived = 0, completed = 0
        var totalTime = 0.0

        init(arrivals: Int, seed: UInt64) {
            self.arrivals = arrivals
            arrivalStream = RandomStream(seed: seed, replication: 0, stream: 1)
            screeningStream = RandomStream(seed: seed, replication: 0, stream: 2)
            teamStream = RandomStream(seed: seed, replication: 0, stream: 3)
            specialisedStream = RandomStream(seed: seed, replication: 0, stream: 4)
            routing = RandomStream(seed: seed, replication: 0, stream: 5)
            meanService = stations.map(\.meanService)
            resources = .allocate(capacity: stations.count)
            for (k, station) in stations.enumerated() { (resources + k).initialize(to: Resource(capacity: station.servers)) }
            arrivedAt = .allocate(capacity: max(arrivals, 1))
        }

        deinit {
            resources.deinitialize(count: stations.count)
            resources.deallocate()
            arrivedAt.deallocate()
        }

        func run() {
            list.schedule(at: arrivalStream.exponential(mean: 1 / arrivalRate), priority: EventPriority.arrival, kind: Self.arrivalKind)
            while let e = list.next() {
                if e.kind == Self.arrivalKind {
                    arrive()
                } else {
                    complete(station: Int(e.kind), customer: e.subject)
                }
            }
        }

        func arrive() {
            let customer = Int32(arrived)
            arrivedAt[arrived] = list.now
            arrived += 1
            enter(0, customer)
            if arrived < arrivals {
                list.schedule(at: list.now + arrivalStream.exponential(mean: 1 / arrivalRate), priority: EventPriority.arrival, kind: Self.arrivalKind)
            }
        }

        func complete(station: Int, customer: Int32) {
            resources[station].release()
            if let next = resources[station].admitNext(isLive: { _ in true }) { startService(station, next.subject) }
            if station < onward.count && routing.bernoulli(onward[station]) {
                enter(station + 1, customer)
            } else {
                completed += 1
                totalTime += list.now - arrivedAt[Int(customer)]
            }
        }

        func enter(_ station: Int, _ customer: Int32) {
            if resources[station].tryAcquire() {
                startService(station, customer)
            } else {
                resources[station].queue.push(QueueEntry(subject: customer, ticket: 0, enqueuedAt: list.now))
            }
        }

        func startService(_ station: Int, _ customer: Int32) {
            let t = list.now + serviceTime(station)
            list.schedule(at: t, priority: EventPriority.release, kind: UInt32(station), subject: customer)
        }

        @inline(__always) func serviceTime(_ station: Int) -> Double {
            let mean = meanService[station]
            switch station {
            case 0: return screeningStream.exponential(mean: mean)
            case 1: return teamStream.exponential(mean: mean)
            default: return specialisedStream.exponential(mean: mean)
            }
        }
    }
}
