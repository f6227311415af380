import Testing
@testable import SimKernel

@Suite struct EventListTests {
    @Test func ordersByTimeThenPriorityThenSequence() {
        var list = EventList()
        list.schedule(at: 5, priority: 100, kind: 1)
        list.schedule(at: 2, priority: 100, kind: 2)
        list.schedule(at: 5, priority: 0, kind: 3)
        list.schedule(at: 5, priority: 100, kind: 4)
        list.schedule(at: 2, priority: 200, kind: 5)
        var kinds: [UInt32] = []
        while let e = list.next() { kinds.append(e.kind) }
        #expect(kinds == [2, 5, 3, 1, 4])
        #expect(list.now == 5)
        #expect(list.processed == 5)
    }

    /// An event is 24 bytes (C's reference network uses 24 too); its fields come back as
    /// given at their extremes, and the packed kind never changes the order.
    @Test func eventIs24BytesAndKeepsItsFields() {
        #expect(MemoryLayout<Event>.size == 24 && MemoryLayout<Event>.stride == 24)
        let e = Event(time: -0.5, priority: 255, sequence: Event.maxSequence, kind: Event.maxKind, subject: -7, token: .max)
        #expect(e.time == -0.5 && e.priority == 255 && e.sequence == Event.maxSequence)
        #expect(e.kind == 255 && e.subject == -7 && e.token == .max)
        let early = Event(time: 1, priority: 3, sequence: 10, kind: 255, subject: 0, token: 0)
        let late = Event(time: 1, priority: 3, sequence: 11, kind: 0, subject: 0, token: 0)
        #expect(Event.runsBefore(early, late) && !Event.runsBefore(late, early))
    }

    /// `upcoming(0)` names the event `next()` returns when nothing earlier is scheduled
    /// between them (the model prefetches its data); it never changes the order.
    @Test func upcomingIsTheNextEventOfTheWindow() {
        var list = EventList(bucketWidth: 10)
        var x: UInt64 = 99
        for k in 0..<2000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407 // test data only, not a model RNG
            list.schedule(at: Double(x >> 44) / 100, kind: UInt32(k % 256))
        }
        var seen = 0
        while let e = list.next() {
            if let next = list.upcoming(0) {
                #expect(list.upcoming(1).map { Event.runsBefore(next, $0) } ?? true)
                #expect(list.upcoming(2).map { Event.runsBefore(next, $0) } ?? true)
                #expect(!Event.runsBefore(next, e))
                #expect(list.next() == next)
                seen += 2
            } else {
                seen += 1
            }
        }
        #expect(seen == 2000)
        #expect(list.upcoming(0) == nil)
    }

    @Test func manySameTimeEventsKeepSchedulingOrder() {
        var list = EventList()
        for k in 0..<1000 { list.schedule(at: 1, priority: 7, kind: UInt32(k % 256), subject: Int32(k)) }
        var previous: Int32 = -1
        while let e = list.next() {
            #expect(e.subject == previous + 1)
            previous = e.subject
        }
        #expect(previous == 999)
    }

    @Test func heapSortsRandomTimes() {
        var list = EventList()
        var x: UInt64 = 12345
        for k in 0..<5000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407 // test data only, not a model RNG
            list.schedule(at: Double(x >> 40), kind: UInt32(k % 256))
        }
        var last = -1.0
        while let e = list.next() {
            #expect(e.time >= last)
            last = e.time
        }
    }
}

@Suite struct ResourceTests {
    @Test func capacityChangesApplyToNewStartsOnly() {
        var r = Resource(capacity: 2)
        let first = r.tryAcquire(), second = r.tryAcquire(), third = r.tryAcquire()
        #expect(first && second && !third)
        r.setCapacity(1)           // nobody is preempted
        #expect(r.inUse == 2)
        r.queue.push(QueueEntry(subject: 9, ticket: 0, enqueuedAt: 0))
        r.release()
        let blocked = r.admitNext(isLive: { _ in true }) // 1 in use, capacity 1
        #expect(blocked == nil)
        r.setCapacity(3)
        let admitted = r.admitNext(isLive: { _ in true })
        #expect(admitted?.subject == 9)
        #expect(r.inUse == 2)
    }

    @Test func priorityLevelsAndWithdrawnEntries() {
        var q = WaitQueue(levels: 3)
        q.push(QueueEntry(subject: 1, ticket: 0, enqueuedAt: 0), level: 0)
        q.push(QueueEntry(subject: 2, ticket: 0, enqueuedAt: 1), level: 2)
        q.push(QueueEntry(subject: 3, ticket: 0, enqueuedAt: 2), level: 2)
        q.push(QueueEntry(subject: 4, ticket: 0, enqueuedAt: 3), level: 1)
        q.withdraw() // subject 2 gives up
        #expect(q.count == 3)
        let live: (QueueEntry) -> Bool = { $0.subject != 2 }
        var order: [Int32] = []
        while let e = q.popFirst(isLive: live) { order.append(e.subject) }
        #expect(order == [3, 4, 1])
        #expect(q.count == 0)
    }

    /// The rings against a FIFO array per level, through growth and wrap-around, and a
    /// copy that changes apart from the original (copy on write).
    @Test func ringsKeepFIFOOrderThroughGrowthAndCopies() {
        var q = WaitQueue(levels: 2)
        var reference: [[Int32]] = [[], []]
        var next: Int32 = 0
        func pop(_ q: inout WaitQueue, _ reference: inout [[Int32]]) -> Int32? {
            let level = reference[1].isEmpty ? 0 : 1
            let expected = reference[level].isEmpty ? nil : reference[level].removeFirst()
            let got = q.popFirst(isLive: { _ in true })?.subject
            #expect(got == expected)
            return got
        }
        // Pushes outpace pops, then pops drain: every ring size up to 128, wrapped many times.
        for step in 0..<600 {
            for _ in 0..<(step < 400 ? 2 : 0) {
                let level = Int(next % 3 == 0 ? 1 : 0)
                q.push(QueueEntry(subject: next, ticket: 0, enqueuedAt: Double(next)), level: level)
                reference[level].append(next)
                next += 1
            }
            if step % 3 != 0 || step >= 400 { _ = pop(&q, &reference) }
            if step == 250 {
                var copy = q
                var copyReference = reference
                copy.push(QueueEntry(subject: -1, ticket: 0, enqueuedAt: 0), level: 0)
                copyReference[0].append(-1)
                while pop(&copy, &copyReference) != nil {}
                #expect(copy.count == 0)
            }
            #expect(q.count == reference[0].count + reference[1].count)
        }
        #expect(q.count(where: { _ in true }) == q.count)
        while pop(&q, &reference) != nil {}
        #expect(q.count == 0 && reference == [[], []])
    }
}

@Suite struct EventListStressTests {
    /// Interleaved schedules and pops, with near, far, very far and same-time events:
    /// events come out in (time, priority, sequence) order and none is lost.
    @Test(arguments: [0.5, 1.0, 30.0])
    func bucketsKeepTheExactOrder(bucketWidth: Double) {
        var list = EventList(bucketWidth: bucketWidth)
        var x: UInt64 = 99
        func next() -> UInt64 { x = x &* 6364136223846793005 &+ 1442695040888963407; return x >> 33 } // test data only
        var scheduled = 0, popped = 0
        var last: (Double, UInt8, UInt64) = (-1, 0, 0)
        var scheduledAtLastPop: UInt64 = 0
        for step in 0..<200_000 {
            if next() % 3 != 0 || list.isEmpty {
                let r = next() % 100
                let offset: Double = r < 30 ? 0 : r < 80 ? Double(next() % 1000) / 100 : r < 99 ? Double(next() % 100_000) / 10 : 5e6
                list.schedule(at: list.now + offset, priority: UInt8(next() % 3), kind: UInt32(step % 256))
                scheduled += 1
            } else if let e = list.next() {
                popped += 1
                let key = (e.time, e.priority, e.sequence)
                let inOrder = key.0 > last.0 || (key.0 == last.0 && (key.1 > last.1 || (key.1 == last.1 && key.2 > last.2)))
                // Out of (priority, sequence) order at the same time only if scheduled after the previous pop.
                #expect(key.0 >= last.0 && (inOrder || key.2 >= scheduledAtLastPop))
                last = key
                scheduledAtLastPop = UInt64(scheduled)
            }
        }
        while let e = list.next() {
            popped += 1
            #expect(e.time >= last.0)
            last = (e.time, e.priority, e.sequence)
        }
        #expect(popped == scheduled)
        #expect(list.count == 0)
    }
}
