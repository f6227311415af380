import DequeModule

/// One entry of a waiting list.
public struct QueueEntry: Sendable, Equatable {
    public let subject: Int32
    /// The model's ticket for this stay in the queue; an entry whose ticket no longer
    /// matches is stale (the subject left: gave up, recovered, was moved) and skipped.
    public let ticket: UInt32
    public let enqueuedAt: Double

    public init(subject: Int32, ticket: UInt32, enqueuedAt: Double) {
        self.subject = subject
        self.ticket = ticket
        self.enqueuedAt = enqueuedAt
    }
}

/// A waiting list with a fixed number of priority levels, FIFO within each level.
/// One level is a plain FIFO queue.
///
/// Leaving the queue early (reneging) is O(1): the model calls `withdraw()` and the
/// entry is dropped lazily when it reaches the front.
public struct WaitQueue: Sendable {
    @usableFromInline var levels: [Deque<QueueEntry>]
    /// Entries still waiting (stale entries excluded).
    @usableFromInline var live: Int = 0
    public var count: Int { live }

    public init(levels: Int = 1) {
        precondition(levels >= 1)
        self.levels = Array(repeating: Deque(), count: levels)
    }

    public var levelCount: Int { levels.count }

    /// Adds an entry at `level` (higher levels are served first). Inlinable, as `popFirst`:
    /// a call per queued subject was 2 % of the reference network.
    @inlinable
    public mutating func push(_ entry: QueueEntry, level: Int = 0) {
        levels[level].append(entry)
        live += 1
    }

    /// Records that one waiting entry has become stale.
    public mutating func withdraw() {
        precondition(live > 0, "withdraw from an empty queue")
        live -= 1
    }

    /// How many entries satisfy `isCounted` (stale ones included unless it checks them):
    /// for a look at the list, not for serving it.
    public func count(where isCounted: (QueueEntry) -> Bool) -> Int {
        levels.reduce(0) { $0 + $1.reduce(0) { $0 + (isCounted($1) ? 1 : 0) } }
    }

    /// Removes and returns the first live entry: highest level first, then FIFO.
    /// `isLive` tells whether an entry is still current.
    @inlinable
    public mutating func popFirst(isLive: (QueueEntry) -> Bool) -> QueueEntry? {
        guard live > 0 else { return nil }
        var level = levels.count - 1
        while level >= 0 {
            while let entry = levels[level].popFirst() {
                if isLive(entry) {
                    live -= 1
                    return entry
                }
            }
            level -= 1
        }
        preconditionFailure("queue count \(live) but no live entry: a withdraw() was missed")
    }
}
