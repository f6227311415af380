/// The binary min-heap on (time, priority, sequence) that the event list keeps in an
/// `EventBuffer`: the current window's events, and the events too far ahead for a bucket.
///
/// Every event has its own sequence number, so the order is total and any correct heap
/// gives the same events in the same order: the layout may change, the run may not.
extension EventBuffer {
    @inlinable @inline(__always)
    mutating func push(_ event: Event) {
        if count == capacity { grow(toAtLeast: count + 1) }
        var i = count
        count += 1
        while i > 0 {
            let parent = (i - 1) >> 1
            if !Event.runsBefore(event, base[parent]) { break }
            base[i] = base[parent]
            i = parent
        }
        (base + i).initialize(to: event)
    }

    /// Removes and returns the earliest event; the heap must not be empty.
    @inlinable @inline(__always)
    mutating func popMin() -> Event {
        let first = base[0]
        let last = removeLast()
        if count > 0 { siftDown(last, from: 0) }
        return first
    }

    /// Puts `event` at `start` or below it, moving earlier children up.
    @inlinable @inline(__always)
    mutating func siftDown(_ event: Event, from start: Int) {
        let n = count
        var i = start
        while true {
            var child = 2 * i + 1
            if child >= n { break }
            if child + 1 < n && Event.runsBefore(base[child + 1], base[child]) { child += 1 }
            if !Event.runsBefore(base[child], event) { break }
            base[i] = base[child]
            i = child
        }
        base[i] = event
    }

    /// Floyd's bottom-up heap construction, O(n).
    @usableFromInline
    mutating func heapify() {
        guard count > 1 else { return }
        for i in stride(from: count / 2 - 1, through: 0, by: -1) {
            siftDown(base[i], from: i)
        }
    }
}
