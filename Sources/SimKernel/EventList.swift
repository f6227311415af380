/// The future event list, ordered by (time, priority, insertion sequence).
///
/// Same-time events therefore run in a fixed, documented order: lower priority
/// value first, and among equal priorities in the order they were scheduled.
/// This makes a run reproducible from its seed alone.
///
/// Layout: a binary min-heap holds only the events of the current time window
/// (`bucketWidth` wide); later events wait unsorted in one bucket per window (per group
/// of 32 windows for later groups, `EventBuckets`) and are heapified (O(n)) when the
/// clock reaches their window. With millions of entities most pending events lie years
/// ahead, so the heap stays small and cache-resident while scheduling a far event is an
/// O(1) append. Events very far ahead (more than `maxBucketsAhead` windows) wait in a
/// second heap. The order in which events come out is exactly that of one big heap.
///
/// Complexity: `schedule` O(1) for later windows, O(log h) within the current one
/// (h = events in the window); `next` O(log h) amortised. Memory is allocated per
/// window (amortised growth), not per event; a drained window's storage is freed
/// (recycling it would keep a busy day's capacity for a quiet day years ahead).
///
/// The heaps and windows live in memory the list owns (`EventBuffer`, `EventBuckets`),
/// so the list cannot be copied (`~Copyable`): a copy would share that memory.
public struct EventList: ~Copyable, @unchecked Sendable {
    @usableFromInline var heap: EventBuffer
    @usableFromInline var buckets = EventBuckets()
    @usableFromInline var far = EventBuffer()
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
    /// Times are never negative (windows are numbered from 0 at time 0).
    public init(startTime: Double = 0, bucketWidth: Double = 1, reservingCapacity capacity: Int = 0) {
        precondition(bucketWidth > 0 && startTime >= 0)
        self.bucketWidth = bucketWidth
        exactInverseWidth = bucketWidth.significand == 1 ? 1 / bucketWidth : 0
        currentTime = startTime
        currentBucket = Int((startTime / bucketWidth).rounded(.down))
        heap = EventBuffer(capacity: min(max(capacity, 64), 1 << 16))
    }

    public var count: Int { heap.count + buckets.events + far.count }
    public var isEmpty: Bool { count == 0 }

    /// Schedules an event. Scheduling in the past, a kind above `Event.maxKind` or more
    /// than `Event.maxSequence` events are programming errors.
    ///
    /// Always inlined, with the later windows out of line (`scheduleLater`): most events of
    /// a queueing network fall in the current window, and the call was about a fifth of
    /// the instructions `schedule` took in the reference network (issue 26, callgrind).
    @inlinable @inline(__always)
    public mutating func schedule(at time: Double, priority: UInt8 = 128, kind: UInt32, subject: Int32 = 0, token: UInt32 = 0) {
        precondition(time >= currentTime, "event scheduled in the past: \(time) < \(currentTime)")
        precondition(!time.isNaN, "event time is NaN")
        precondition(kind <= Event.maxKind && nextSequence <= Event.maxSequence, "event kind \(kind) above \(Event.maxKind), or too many events")
        let event = Event(time: time, priority: priority, sequence: nextSequence,
                          kind: kind, subject: subject, token: token)
        nextSequence &+= 1
        let window = Self.window(of: time, width: bucketWidth, inverseWidth: exactInverseWidth)
        if window < Double(currentBucket + 1) {
            heap.push(event)
        } else {
            scheduleLater(event, window: window)
        }
    }

    /// An event after the current window: into its window's bucket, or the far heap.
    @usableFromInline
    mutating func scheduleLater(_ event: Event, window: Double) {
        if window < Double(currentBucket + maxBucketsAhead) {
            buckets.append(event, toWindow: Int(window))
        } else {
            far.push(event)
        }
    }

    /// The window `time` falls in, as a real number (its integer part is the window's index).
    @inlinable @inline(__always)
    static func window(of time: Double, width: Double, inverseWidth: Double) -> Double {
        inverseWidth > 0 ? time * inverseWidth : time / width
    }

    /// The event at position `k` of the current window's heap (0: the one `next()` returns
    /// unless an earlier one is scheduled first; 1 and 2: the candidates after it), or nil.
    /// For prefetching the data of events to come while one is handled. O(1).
    @inlinable
    public func upcoming(_ k: Int) -> Event? {
        k < heap.count ? heap[k] : nil
    }

    /// Removes and returns the earliest event, advancing `now` to its time. Always inlined:
    /// an event loop calls it from one place, so inlining saves a call per event for little code.
    @inlinable @inline(__always)
    public mutating func next() -> Event? {
        if heap.isEmpty && !advanceWindow() { return nil }
        let first = heap.popMin()
        currentTime = first.time
        processedCount &+= 1
        return first
    }

    /// Moves the clock's window forward to the next one holding events and loads
    /// them into the heap. Returns false when no event is left.
    @usableFromInline
    mutating func advanceWindow() -> Bool {
        while heap.isEmpty {
            if buckets.events == 0 {
                if far.isEmpty { return false }
                // Jump straight to the far event's window.
                currentBucket = max(currentBucket + 1, Int(far[0].time / bucketWidth))
            } else {
                currentBucket += 1
            }
            let (width, inverseWidth) = (bucketWidth, exactInverseWidth)
            let moved = buckets.drain(window: currentBucket, into: &heap) {
                Int(Self.window(of: $0.time, width: width, inverseWidth: inverseWidth))
            }
            if moved > 0 { heap.heapify() }
            let windowEnd = Double(currentBucket + 1) * bucketWidth
            while !far.isEmpty && far[0].time < windowEnd {
                heap.push(far.popMin())
            }
        }
        return true
    }
}
