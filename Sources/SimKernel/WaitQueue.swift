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
///
/// The levels are rings in one block of memory (`WaitRings`), shared between copies
/// until one of them changes (copy on write). Why not `[Deque]`: a push or a pop checked
/// that both the array and the deque were not shared, and called the deque's generic
/// code out of line; about 3 % of the reference network (issue 26).
public struct WaitQueue: Sendable {
    @usableFromInline var rings: WaitRings
    /// Entries still waiting (stale entries excluded).
    @usableFromInline var live: Int = 0
    public var count: Int { live }

    public init(levels: Int = 1) {
        precondition(levels >= 1)
        rings = WaitRings(levels: levels)
    }

    public var levelCount: Int { rings.levels }

    /// Adds an entry at `level` (higher levels are served first). Inlinable, as `popFirst`:
    /// a call per queued subject was 2 % of the reference network.
    @inlinable
    public mutating func push(_ entry: QueueEntry, level: Int = 0) {
        precondition(level >= 0 && level < rings.levels, "queue level \(level) out of range")
        if !isKnownUniquelyReferenced(&rings) { rings = rings.copy() }
        rings.append(entry, level: level)
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
        var n = 0
        for level in 0..<rings.levels {
            rings.forEach(level: level) { if isCounted($0) { n += 1 } }
        }
        return n
    }

    /// Removes and returns the first live entry: highest level first, then FIFO.
    /// `isLive` tells whether an entry is still current.
    @inlinable
    public mutating func popFirst(isLive: (QueueEntry) -> Bool) -> QueueEntry? {
        guard live > 0 else { return nil }
        if !isKnownUniquelyReferenced(&rings) { rings = rings.copy() }
        var level = rings.levels - 1
        while level >= 0 {
            while let entry = rings.popFirst(level: level) {
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

/// The rings of a `WaitQueue`'s levels, in memory this object owns: per level a block of
/// `capacity` entries (a power of two), the index of its first entry and its count.
/// Mutated only through a `WaitQueue` that holds the one reference (copy on write).
@usableFromInline
final class WaitRings: @unchecked Sendable {
    /// Per level: the ring's storage, its first entry's index, its count and its capacity.
    @usableFromInline struct Ring {
        @usableFromInline var base: UnsafeMutablePointer<QueueEntry>?
        @usableFromInline var head = 0
        @usableFromInline var count = 0
        @usableFromInline var capacity = 0
    }

    @usableFromInline let levels: Int
    @usableFromInline let rings: UnsafeMutablePointer<Ring>

    init(levels: Int) {
        self.levels = levels
        rings = .allocate(capacity: levels)
        rings.initialize(repeating: Ring(), count: levels)
    }

    deinit {
        for level in 0..<levels { rings[level].base?.deallocate() }
        rings.deallocate()
    }

    /// A copy with the same entries in the same order (each ring starting at index 0).
    @usableFromInline
    func copy() -> WaitRings {
        let other = WaitRings(levels: levels)
        for level in 0..<levels where rings[level].count > 0 {
            let ring = rings[level]
            let base = UnsafeMutablePointer<QueueEntry>.allocate(capacity: ring.capacity)
            for k in 0..<ring.count { (base + k).initialize(to: ring.base![(ring.head + k) & (ring.capacity - 1)]) }
            other.rings[level] = Ring(base: base, head: 0, count: ring.count, capacity: ring.capacity)
        }
        return other
    }

    @inlinable @inline(__always)
    func append(_ entry: QueueEntry, level: Int) {
        let ring = rings + level
        if ring.pointee.count == ring.pointee.capacity { grow(level) }
        let r = ring.pointee
        (r.base! + ((r.head + r.count) & (r.capacity - 1))).initialize(to: entry)
        ring.pointee.count = r.count + 1
    }

    @inlinable @inline(__always)
    func popFirst(level: Int) -> QueueEntry? {
        let ring = rings + level
        let r = ring.pointee
        guard r.count > 0 else { return nil }
        let entry = r.base![r.head]
        ring.pointee.head = (r.head + 1) & (r.capacity - 1)
        ring.pointee.count = r.count - 1
        return entry
    }

    func forEach(level: Int, _ body: (QueueEntry) -> Void) {
        let r = rings[level]
        for k in 0..<r.count { body(r.base![(r.head + k) & (r.capacity - 1)]) }
    }

    /// Doubles a full ring's storage (at least 16 entries), its entries moved to the start.
    @usableFromInline
    func grow(_ level: Int) {
        let r = rings[level]
        let capacity = Swift.max(16, r.capacity * 2)
        let base = UnsafeMutablePointer<QueueEntry>.allocate(capacity: capacity)
        for k in 0..<r.count { (base + k).initialize(to: r.base![(r.head + k) & (r.capacity - 1)]) }
        r.base?.deallocate()
        rings[level] = Ring(base: base, head: 0, count: r.count, capacity: capacity)
    }
}
