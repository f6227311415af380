/// The event list's future windows: one `EventBuffer` of unsorted events per window
/// index, in memory this table owns.
///
/// Why not `[ContiguousArray<Event>]`: appending to an array inside an array checks both
/// arrays' storage for sharing and the index for bounds on every event scheduled ahead.
/// Windows before the current one stay in the table, empty and without storage.
@usableFromInline
struct EventBuckets: ~Copyable {
    @usableFromInline var slots: UnsafeMutablePointer<EventBuffer>
    /// Windows 0..<windowCount exist (empty or not).
    @usableFromInline var windowCount = 0
    @usableFromInline var capacity: Int
    /// Events waiting in all windows.
    @usableFromInline var events = 0

    @inlinable
    init() {
        capacity = 64
        slots = .allocate(capacity: capacity)
    }

    @inlinable deinit { // inlinable like EventBuffer's (see there)
        slots.deinitialize(count: windowCount)
        slots.deallocate()
    }

    /// Appends `event` to window `k`, creating the windows up to `k` if needed.
    @inlinable @inline(__always)
    mutating func append(_ event: Event, toWindow k: Int) {
        if k >= windowCount { addWindows(through: k) }
        slots[k].append(event)
        events += 1
    }

    @inlinable func hasEvents(inWindow k: Int) -> Bool {
        k < windowCount && slots[k].count > 0
    }

    /// Moves window `k`'s events to the end of `buffer` (in their order) and frees the window's storage.
    @inlinable
    mutating func drain(window k: Int, into buffer: inout EventBuffer) {
        buffer.append(contentsOf: slots[k])
        events -= slots[k].count
        slots[k].release()
    }

    @inlinable
    mutating func addWindows(through k: Int) {
        // Grow geometrically: a new window is opened about once per window width.
        if k >= capacity {
            let newCapacity = Swift.max(k + 1, capacity * 2)
            let newSlots = UnsafeMutablePointer<EventBuffer>.allocate(capacity: newCapacity)
            newSlots.moveInitialize(from: slots, count: windowCount)
            slots.deallocate()
            slots = newSlots
            capacity = newCapacity
        }
        while windowCount <= k {
            (slots + windowCount).initialize(to: EventBuffer())
            windowCount += 1
        }
    }
}
