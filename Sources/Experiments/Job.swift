/// One replication of one grid point.
public struct Job: Sendable, Hashable, Comparable {
    public let point: Int
    public let replication: Int

    public init(point: Int, replication: Int) {
        self.point = point
        self.replication = replication
    }

    public static func < (a: Job, b: Job) -> Bool {
        (a.point, a.replication) < (b.point, b.replication)
    }

    /// The jobs of a shard: in a sweep whole grid points are shared out, otherwise replications.
    public static func selected(points: Int, replications: Range<Int>, shard: Shard) -> [Job] {
        var jobs: [Job] = []
        for p in 0..<points {
            for r in replications where points > 1 ? shard.owns(p) : shard.owns(r) {
                jobs.append(Job(point: p, replication: r))
            }
        }
        return jobs
    }
}
