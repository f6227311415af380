/// The future event list, ordered by (time, priority, insertion sequence).
///
/// Same-time events therefore run in a fixed, documented order: lower priority
/// value first, and among equal priorities in the order they were scheduled.
/// This makes a run reproducible from its seed alone.
///
/// Layout: a binary min-heap holds only the events of the current time window
/// (`bucketWidth` wide); later events wait unsorted in one bucket per window and
/// are heapified (O(n)) when the clock reaches their window. With millions of
/// entities most pending events lie years ahead, so the heap stays small and
/// cache-resident while scheduling a far event is an O(1) append. Events very far
/// ahead (more than `maxBucketsAhead` windows) wait in a second heap. The order in
/// which events come out is exactly that of one big heap.
///
/// Complexity: `schedule` O(1) for later windows, O(log h) within the current one
/// (h = events in the window); `next` O(log h) amortised. Memory is allocated per
/// bucket (amortised growth), not per event; a drained bucket's storage is freed
/// (recycling it would keep a busy day's capacity for a quiet day years ahead).
public struct EventList: Sendable {
    @usableFromInline var heap: ContiguousArray<Event> = []
    @usableFromInline var buckets: [ContiguousArray<Event>] = []
    @usableFromInline var far: ContiguousArray<Event> = []
    /// Events waiting in `buckets`.
    @usableFromInline var bucketed = 0
    /// Index of the current window: [currentBucket * width, (currentBucket + 1) * width).
    @usableFromInline var currentBucket = 0
    @usableFromInline let bucketWidth: Double
    /// 1 / bucketWidth when that is exact (a power-of-two width, such as Runway's 1 day):
    /// then a window is found by a multiplication, not a division (the division was a
    /// sixth of the reference network's scheduling time). 0 otherwise.
    @usableFromInline let exactInverseWidth: Double
    @usableFromInline let maxBucketsAhead = 1 << 20
    @usableFromInline var nextSequence: UInt64 = 0
    @usableFromInline var currentTime: Double = 0
    @usableFromInline var processedCount: UInt64 = 0

    /// The time of the event most recently taken from the list.
    public var now: Double { currentTime }
    /// Number of events taken from the list so far.
    public var processed: UInt64 { processedCount }

    /// `bucketWidth` is the width of one time window in model time units; about the
    /// time in which a few thousand events happen is a good choice (Runway: 1 day).
    public init(startTime: Double = 0, bucketWidth: Double = 1, reservingCapacity capacity: Int = 0) {
        precondition(bucketWidth > 0)
        self.bucketWidth = bucketWidth
        exactInverseWidth = bucketWidth.significand == 1 ? 1 / bucketWidth : 0
        currentTime = startTime
        currentBucket = Int((startTime / bucketWidth).rounded(.down))
        heap.reserveCapacity(min(capacity, 1 << 16))
    }

    public var count: Int { heap.count + bucketed + far.count }
    public var isEmpty: Bool { count == 0 }

    /// Schedules an event. Scheduling in the past is a programming error.
    @inlinable
    public mutating func schedule(at time: Double, priority: UInt8 = 128, kind: UInt32, subject: Int32 = 0, token: UInt32 = 0) {
        precondition(time >= currentTime, "event scheduled in the past: \(time) < \(currentTime)")
        precondition(!time.isNaN, "event time is NaN")
        let event = Event(time: time, priority: priority, sequence: nextSequence,
                          kind: kind, subject: subject, token: token)
        nextSequence &+= 1
        let window = exactInverseWidth > 0 ? time * exactInverseWidth : time / bucketWidth
        if window < Double(currentBucket + 1) {
            Self.push(event, into: &heap)
        } else if window < Double(currentBucket + maxBucketsAhead) {
            let k = Int(window)
            if k >= buckets.count { growBuckets(to: k) }
            buckets[k].append(event)
            bucketed += 1
        } else {
            Self.push(event, into: &far)
        }
    }

    /// The event at position `k` of the current window's heap (0: the one `next()` returns
    /// unless an earlier one is scheduled first; 1 and 2: the candidates after it), or nil.
    /// For prefetching the data of events to come while one is handled. O(1).
    @inlinable
    public func upcoming(_ k: Int) -> Event? {
        k < heap.count ? heap[k] : nil
    }

    /// Removes and returns the earliest event, advancing `now` to its time.
    @inlinable
    public mutating func next() -> Event? {
        if heap.isEmpty && !advanceWindow() { return nil }
        let first = Self.popMin(&heap)
        currentTime = first.time
        processedCount &+= 1
        return first
    }

    /// Moves the clock's window forward to the next one holding events and loads
    /// them into the heap. Returns false when no event is left.
    @usableFromInline
    mutating func advanceWindow() -> Bool {
        while heap.isEmpty {
            if bucketed == 0 {
                guard let first = far.first else { return false }
                // Jump straight to the far event's window.
                currentBucket = max(currentBucket + 1, Int(first.time / bucketWidth))
            } else {
                currentBucket += 1
            }
            if currentBucket < buckets.count && !buckets[currentBucket].isEmpty {
                var drained = ContiguousArray<Event>()
                swap(&drained, &buckets[currentBucket])
                bucketed -= drained.count
                heap.append(contentsOf: drained)
                Self.heapify(&heap)
            }
            let windowEnd = Double(currentBucket + 1) * bucketWidth
            while let f = far.first, f.time < windowEnd {
                Self.push(Self.popMin(&far), into: &heap)
            }
        }
        return true
    }

    @usableFromInline
    mutating func growBuckets(to k: Int) {
        // Grow geometrically: reserving only what is needed would copy the whole
        // bucket array on every new window.
        if k >= buckets.capacity { buckets.reserveCapacity(Swift.max(k + 1, buckets.capacity * 2)) }
        while buckets.count <= k { buckets.append([]) }
    }

    // MARK: - Binary heap on (time, priority, sequence)

    @inlinable @inline(__always)
    static func push(_ event: Event, into h: inout ContiguousArray<Event>) {
        h.append(event)
        h.withUnsafeMutableBufferPointer { h in
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

    @inlinable @inline(__always)
    static func popMin(_ h: inout ContiguousArray<Event>) -> Event {
        let first = h[0]
        let last = h.removeLast()
        if !h.isEmpty { siftDown(last, from: 0, in: &h) }
        return first
    }

    @inlinable @inline(__always)
    static func siftDown(_ event: Event, from start: Int, in heap: inout ContiguousArray<Event>) {
        heap.withUnsafeMutableBufferPointer { h in
            let n = h.count
            var i = start
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

    /// Floyd's bottom-up heap construction, O(n).
    @usableFromInline
    static func heapify(_ h: inout ContiguousArray<Event>) {
        guard h.count > 1 else { return }
        for i in stride(from: h.count / 2 - 1, through: 0, by: -1) {
            siftDown(h[i], from: i, in: &h)
        }
    }
}
