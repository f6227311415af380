/// The future event list: a binary min-heap of `Event` values ordered by
/// (time, priority, insertion sequence).
///
/// Same-time events therefore run in a fixed, documented order: lower priority
/// value first, and among equal priorities in the order they were scheduled.
/// This makes a run reproducible from its seed alone.
///
/// Complexity: `schedule` and `next` are O(log n); no allocation once the heap's
/// storage has grown to the run's peak size.
public struct EventList: Sendable {
    @usableFromInline var heap: ContiguousArray<Event> = []
    @usableFromInline var nextSequence: UInt64 = 0
    @usableFromInline var currentTime: Double = 0
    @usableFromInline var processedCount: UInt64 = 0
    /// The time of the event most recently taken from the list.
    public var now: Double { currentTime }
    /// Number of events taken from the list so far.
    public var processed: UInt64 { processedCount }

    public init(startTime: Double = 0, reservingCapacity capacity: Int = 0) {
        currentTime = startTime
        heap.reserveCapacity(capacity)
    }

    public var count: Int { heap.count }
    public var isEmpty: Bool { heap.isEmpty }
    /// Time of the next event without removing it.
    public var nextTime: Double? { heap.first?.time }

    /// Schedules an event. Scheduling in the past is a programming error.
    @inlinable
    public mutating func schedule(at time: Double, priority: UInt8 = 128, kind: UInt32, subject: Int32 = 0, token: UInt32 = 0) {
        precondition(time >= currentTime, "event scheduled in the past: \(time) < \(currentTime)")
        precondition(!time.isNaN, "event time is NaN")
        let event = Event(time: time, priority: priority, sequence: nextSequence,
                          kind: kind, subject: subject, token: token)
        nextSequence &+= 1
        siftUp(event)
    }

    /// Removes and returns the earliest event, advancing `now` to its time.
    @inlinable
    public mutating func next() -> Event? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty { siftDown(last) }
        currentTime = first.time
        processedCount &+= 1
        return first
    }

    @inlinable @inline(__always)
    mutating func siftUp(_ event: Event) {
        heap.append(event)
        heap.withUnsafeMutableBufferPointer { h in
            var i = h.count - 1
            while i > 0 {
                let parent = (i - 1) >> 1
                if !Event.runsBefore(event, h[parent]) { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = event
        }
    }

    /// Moves `event` down from the root (the hole left by the removed minimum).
    @inlinable @inline(__always)
    mutating func siftDown(_ event: Event) {
        heap.withUnsafeMutableBufferPointer { h in
            let n = h.count
            var i = 0
            while true {
                var child = 2 * i + 1
                if child >= n { break }
                if child + 1 < n && Event.runsBefore(h[child + 1], h[child]) { child += 1 }
                if !Event.runsBefore(h[child], event) { break }
                h[i] = h[child]
                i = child
            }
            h[i] = event
        }
    }
}
