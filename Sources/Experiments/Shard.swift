/// `--shard k/n`: this process runs the k-th of n disjoint parts of an experiment.
public struct Shard: Sendable, Equatable, Codable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    public static let whole = Shard(index: 1, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses "k/n" with 1 <= k <= n.
    public static func parse(_ text: String) -> Shard? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        return Shard(index: k, count: n)
    }

    /// Whether job number `j` (a replication, or a grid point in a sweep) belongs to this shard.
    public func owns(_ j: Int) -> Bool { j % count == index - 1 }

    public var description: String { "\(index)/\(count)" }
}
