/// A growable run of events in memory it owns: the storage of the event list's heaps
/// and of its future windows (buckets).
///
/// Why not `ContiguousArray`: an array checks on every append and every write that its
/// storage is not shared (copy on write), and on every read that the index is in
/// bounds; in the event loop those checks cost about as much as the heap itself (issue
/// 17). This buffer cannot be copied (`~Copyable`), so its storage is never shared and
/// needs no check. It grows by doubling and frees its memory when it goes away.
///
/// Indices are NOT checked: its only user, `EventList`, keeps every index below `count`.
@usableFromInline
struct EventBuffer: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<Event>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int

    /// A buffer with room for `capacity` events; with 0 it allocates nothing (most of the
    /// event list's future windows are empty until events are scheduled into them).
    @inlinable
    init(capacity: Int = 0) {
        self.capacity = Swift.max(capacity, 0)
        base = self.capacity > 0 ? .allocate(capacity: self.capacity) : Self.noStorage
    }

    // Everything here is @inlinable, the deinit too: with non-inlinable members the
    // optimiser crashed (Swift 6.3.1: "inlining a resilient function into a fragile
    // function") in the event list's accessors, which destroy an old buffer.
    @inlinable deinit { if capacity > 0 { base.deallocate() } }

    /// Stands in for the storage of a buffer that has none; never read or written.
    @inlinable static var noStorage: UnsafeMutablePointer<Event> {
        UnsafeMutablePointer(bitPattern: MemoryLayout<Event>.alignment)!
    }

    @inlinable var isEmpty: Bool { count == 0 }

    @inlinable subscript(i: Int) -> Event {
        @inline(__always) get { base[i] }
        @inline(__always) set { base[i] = newValue }
    }

    @inlinable @inline(__always)
    mutating func append(_ event: Event) {
        if count == capacity { grow(toAtLeast: count + 1) }
        (base + count).initialize(to: event)
        count += 1
    }

    /// Removes and returns the last event; the buffer must not be empty.
    @inlinable @inline(__always)
    mutating func removeLast() -> Event {
        count -= 1
        return base[count]
    }

    /// Appends all of `other`'s events, in their order.
    @inlinable
    mutating func append(contentsOf other: borrowing EventBuffer) {
        if count + other.count > capacity { grow(toAtLeast: count + other.count) }
        (base + count).initialize(from: other.base, count: other.count)
        count += other.count
    }

    /// Empties the buffer and gives its memory back (a drained window is never reused).
    @inlinable
    mutating func release() {
        if capacity > 0 { base.deallocate() }
        base = Self.noStorage
        count = 0
        capacity = 0
    }

    /// Moves the events to storage at least twice as large (at least 16 events), so that
    /// appending stays O(1) amortised.
    @inlinable
    mutating func grow(toAtLeast needed: Int) {
        let newCapacity = Swift.max(needed, capacity * 2, 16)
        let newBase = UnsafeMutablePointer<Event>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        if capacity > 0 { base.deallocate() }
        base = newBase
        capacity = newCapacity
    }
}
