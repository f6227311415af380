/// A service with a number of parallel places (capacity), the places in use, and a
/// waiting list.
///
/// Capacity may change during a run. Lowering it below the places in use preempts
/// nobody: current users finish, and new starts wait until use is below capacity.
public struct Resource: Sendable {
    @usableFromInline var places: Int
    public var capacity: Int { places }
    @usableFromInline var used: Int = 0
    public var inUse: Int { used }
    public var queue: WaitQueue

    /// `capacity: .max` models a service that cannot refuse (never queues).
    public init(capacity: Int, queueLevels: Int = 1) {
        precondition(capacity >= 0)
        self.places = capacity
        self.queue = WaitQueue(levels: queueLevels)
    }

    public mutating func setCapacity(_ newCapacity: Int) {
        precondition(newCapacity >= 0)
        places = newCapacity
    }

    /// Takes a place if one is free; the caller queues the subject otherwise.
    @inlinable
    public mutating func tryAcquire() -> Bool {
        guard used < places else { return false }
        used += 1
        return true
    }

    /// Takes a place even when all are in use: a subject the service cannot refuse. Use
    /// stays above capacity until enough places are released.
    public mutating func acquireBeyondCapacity() {
        used += 1
    }

    @inlinable
    public mutating func release() {
        precondition(used > 0, "release without acquire")
        used -= 1
    }

    /// While a place is free and someone waits: takes the place for the first live
    /// waiting entry and returns it. Call repeatedly after a release or a capacity rise.
    @inlinable
    public mutating func admitNext(isLive: (QueueEntry) -> Bool) -> QueueEntry? {
        guard used < places, queue.count > 0, let entry = queue.popFirst(isLive: isLive) else { return nil }
        used += 1
        return entry
    }
}
