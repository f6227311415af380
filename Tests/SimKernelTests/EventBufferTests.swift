import Testing
@testable import SimKernel

/// Test data only (not a model RNG): a 64-bit LCG's high bits.
private struct TestNumbers {
    var x: UInt64
    mutating func next(below n: UInt64) -> UInt64 {
        x = x &* 6364136223846793005 &+ 1442695040888963407
        return (x >> 33) % n
    }
}

private func event(_ time: Double, _ priority: UInt8, _ sequence: UInt64) -> Event {
    Event(time: time, priority: priority, sequence: sequence, kind: UInt32(sequence & 0xFF), subject: 0, token: 0)
}

/// The event order written out plainly: (time, priority, sequence).
private func key(_ e: Event) -> (Double, UInt8, UInt64) { (e.time, e.priority, e.sequence) }

/// A plain reference queue: pending events kept sorted latest first, so the earliest is the last.
private struct SortedReference {
    var pending: [Event] = []
    mutating func insert(_ e: Event) {
        var lo = 0, hi = pending.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if key(pending[mid]) > key(e) { lo = mid + 1 } else { hi = mid }
        }
        pending.insert(e, at: lo)
    }
    mutating func popMin() -> Event? { pending.popLast() }
}

@Suite struct EventBufferTests {
    @Test func growsFromNothingAndKeepsOrder() {
        // (#expect gets plain values: it cannot capture a noncopyable buffer.)
        var buffer = EventBuffer()
        let startCapacity = buffer.capacity
        #expect(startCapacity == 0)
        for k in 0..<10_000 { buffer.append(event(Double(k), 0, UInt64(k))) }
        let (count, capacity) = (buffer.count, buffer.capacity)
        #expect(count == 10_000)
        #expect(capacity >= 10_000 && capacity < 20_000 + 16)
        let sequences = (0..<10_000).map { buffer[$0].sequence }
        #expect(sequences == (0..<10_000).map { UInt64($0) })

        var other = EventBuffer(capacity: 3)
        other.append(event(-1, 0, 99))
        other.append(contentsOf: buffer)
        let (otherCount, first, last) = (other.count, other[0].sequence, other[10_000].sequence)
        #expect(otherCount == 10_001 && first == 99 && last == 9_999)
        let removed = other.removeLast().sequence
        let countAfter = other.count
        #expect(removed == 9_999 && countAfter == 10_000)

        buffer.release()
        let (releasedCount, releasedCapacity) = (buffer.count, buffer.capacity)
        #expect(releasedCount == 0 && releasedCapacity == 0)
        buffer.append(event(1, 0, 1)) // usable again after release
        let (againCount, againFirst) = (buffer.count, buffer[0].sequence)
        #expect(againCount == 1 && againFirst == 1)
    }

    /// Pushes and pops interleaved, with many same-time and same-priority events and growth
    /// from an empty buffer: the heap gives exactly the reference order.
    @Test(arguments: [1 as UInt64, 2, 3])
    func heapMatchesSortedReference(seed: UInt64) {
        var numbers = TestNumbers(x: seed)
        var heap = EventBuffer()
        var reference = SortedReference()
        var sequence: UInt64 = 0
        var popped = 0
        for _ in 0..<20_000 {
            if numbers.next(below: 5) < 3 || heap.isEmpty {
                // Few distinct times and priorities: ties everywhere.
                let e = event(Double(numbers.next(below: 50)) / 4, UInt8(numbers.next(below: 3)), sequence)
                sequence += 1
                heap.push(e)
                reference.insert(e)
            } else {
                let e = heap.popMin()
                #expect(e == reference.popMin())
                popped += 1
            }
        }
        let remaining = heap.count
        #expect(remaining == reference.pending.count)
        while !heap.isEmpty {
            let e = heap.popMin()
            #expect(e == reference.popMin())
        }
        #expect(reference.popMin() == nil)
        #expect(popped > 1000)
    }

    @Test func heapifyBuildsAValidHeap() {
        var numbers = TestNumbers(x: 7)
        var buffer = EventBuffer()
        var reference = SortedReference()
        for s in 0..<3_000 as Range<UInt64> {
            let e = event(Double(numbers.next(below: 20)), UInt8(numbers.next(below: 2)), s)
            buffer.append(e)
            reference.insert(e)
        }
        buffer.heapify()
        while !buffer.isEmpty {
            let e = buffer.popMin()
            #expect(e == reference.popMin())
        }
    }
}

@Suite struct EventBucketsTests {
    @Test func tableKeepsEachBuffersEventsInArrivalOrder() {
        var table = EventBufferTable()
        // Buffers far beyond the initial table (64), appended out of index order.
        let indices = [5, 1000, 5, 3, 1000, 70, 5]
        for (s, k) in indices.enumerated() { table.append(event(Double(k), 0, UInt64(s)), to: k) }
        let (count, filled) = (table.count, [4, 5, 2000].map { table.events(in: $0) })
        #expect(count == 1001)
        #expect(filled == [0, 3, 0])

        var heap = EventBuffer()
        heap.append(event(0, 0, 100))
        let moved = table.drain(5, into: &heap)
        let drained = (0..<heap.count).map { heap[$0].sequence }
        #expect(moved == 3 && drained == [100, 0, 2, 6])
        let (left, freedCapacity) = (table.events(in: 5), table.slots[5].capacity)
        #expect(left == 0 && freedCapacity == 0) // a drained buffer's storage is freed

        var last = EventBuffer()
        let (movedLast, movedBeyond) = (table.drain(1000, into: &last), table.drain(5000, into: &last))
        let lastDrained = (0..<last.count).map { last[$0].sequence }
        #expect(movedLast == 2 && movedBeyond == 0 && lastDrained == [1, 4])
    }

    /// Events appended ahead of the clock (to later windows of the open group, and to later
    /// groups, with a jump over empty groups) come out of each window drained in order: the
    /// same events as a plain table of one list per window, none lost, none early.
    @Test(arguments: [7 as UInt64, 8])
    func groupsGiveEachWindowItsEvents(seed: UInt64) {
        var numbers = TestNumbers(x: seed)
        var buckets = EventBuckets()
        var reference: [Int: [UInt64]] = [:]
        var sequence: UInt64 = 0
        var waiting = 0
        // Window of an event: its time's integer part (width 1).
        let windowOf: (Event) -> Int = { Int($0.time) }
        var current = 0
        while current < 3_000 {
            for _ in 0..<numbers.next(below: 12) {
                let r = numbers.next(below: 100)
                let ahead = r < 40 ? 1 + numbers.next(below: 5) : r < 95 ? 1 + numbers.next(below: 400) : 2_000 + numbers.next(below: 900)
                let time = Double(current) + Double(ahead) + Double(numbers.next(below: 4)) / 4
                let e = event(time, UInt8(numbers.next(below: 3)), sequence)
                sequence += 1
                buckets.append(e, toWindow: windowOf(e))
                reference[windowOf(e), default: []].append(e.sequence)
                waiting += 1
            }
            // Now and then the clock jumps far (no events in between: the list jumps only then).
            current += 1
            if numbers.next(below: 500) == 0 {
                let next = reference.keys.filter { $0 >= current }.min() ?? current
                current = next
            }
            var window = EventBuffer()
            let moved = buckets.drain(window: current, into: &window, windowOf: windowOf)
            let got = (0..<window.count).map { window[$0].sequence }.sorted()
            let expected = reference.removeValue(forKey: current) ?? []
            #expect(moved == expected.count && got == expected, "window \(current)")
            waiting -= moved
            let left = buckets.events
            #expect(left == waiting)
        }
        let earlier = reference.keys.filter { $0 <= current }
        #expect(earlier.isEmpty) // nothing was left behind in a window already passed
    }
}

@Suite struct EventListReferenceOrderTests {
    /// The whole event list (heap, windows, far heap) against the plain sorted reference,
    /// with schedules and pops interleaved and ties: the same events in the same order.
    @Test(arguments: [0.5, 1.0, 64.0])
    func sameOrderAsSortedReference(bucketWidth: Double) {
        var numbers = TestNumbers(x: 42)
        var list = EventList(bucketWidth: bucketWidth)
        var reference = SortedReference()
        var sequence: UInt64 = 0
        for _ in 0..<30_000 {
            if numbers.next(below: 3) != 0 || list.isEmpty {
                let r = numbers.next(below: 100)
                let offset: Double = r < 30 ? 0 : r < 80 ? Double(numbers.next(below: 8)) / 4
                    : r < 99 ? Double(numbers.next(below: 4000)) : 1e6 * bucketWidth * 2
                let priority = UInt8(numbers.next(below: 3))
                let time = list.now + offset
                list.schedule(at: time, priority: priority, kind: UInt32(sequence & 0xFF))
                reference.insert(event(time, priority, sequence))
                sequence += 1
            } else {
                let e = list.next()
                #expect(e == reference.popMin())
            }
        }
        let remaining = list.count
        #expect(remaining == reference.pending.count)
        while let e = list.next() { #expect(e == reference.popMin()) }
        #expect(reference.popMin() == nil)
    }
}
