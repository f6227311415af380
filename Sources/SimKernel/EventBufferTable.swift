/// A table of `EventBuffer`s indexed 0, 1, 2, …, in memory the table owns: the event
/// list's windows and its groups of windows (`EventBuckets`).
///
/// Why not `[ContiguousArray<Event>]`: appending to an array inside an array checks both
/// arrays' storage for sharing and the index for bounds on every event scheduled ahead.
/// Buffers below the highest index used stay in the table, empty and without storage
/// once drained.
@usableFromInline
struct EventBufferTable: ~Copyable {
    @usableFromInline var slots: UnsafeMutablePointer<EventBuffer>
    /// Buffers 0..<count exist (empty or not).
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int

    @inlinable
    init() {
        capacity = 64
        slots = .allocate(capacity: capacity)
    }

    @inlinable deinit { // inlinable like EventBuffer's (see there)
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Appends `event` to buffer `k`, creating the buffers up to `k` if needed.
    @inlinable @inline(__always)
    mutating func append(_ event: Event, to k: Int) {
        if k >= count { addBuffers(through: k) }
        slots[k].append(event)
    }

    /// Events in buffer `k` (0 for a buffer not yet created).
    @inlinable func events(in k: Int) -> Int {
        k < count ? slots[k].count : 0
    }

    /// Moves buffer `k`'s events to the end of `buffer` (in their order), frees buffer `k`'s
    /// storage and returns how many were moved. `k` may be beyond the table (nothing moves).
    @inlinable
    mutating func drain(_ k: Int, into buffer: inout EventBuffer) -> Int {
        let moved = events(in: k)
        guard moved > 0 else { return 0 }
        buffer.append(contentsOf: slots[k])
        slots[k].release()
        return moved
    }

    @inlinable
    mutating func addBuffers(through k: Int) {
        // Grow geometrically: a new buffer is opened about once per window or group width.
        if k >= capacity {
            let newCapacity = Swift.max(k + 1, capacity * 2)
            let newSlots = UnsafeMutablePointer<EventBuffer>.allocate(capacity: newCapacity)
            newSlots.moveInitialize(from: slots, count: count)
            slots.deallocate()
            slots = newSlots
            capacity = newCapacity
        }
        while count <= k {
            (slots + count).initialize(to: EventBuffer())
            count += 1
        }
    }
}
