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

    @Test func manySameTimeEventsKeepSchedulingOrder() {
        var list = EventList()
        for k in 0..<1000 { list.schedule(at: 1, priority: 7, kind: UInt32(k)) }
        var previous: Int64 = -1
        while let e = list.next() {
            #expect(Int64(e.kind) == previous + 1)
            previous = Int64(e.kind)
        }
    }

    @Test func heapSortsRandomTimes() {
        var list = EventList()
        var x: UInt64 = 12345
        for k in 0..<5000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407 // test data only, not a model RNG
            list.schedule(at: Double(x >> 40), kind: UInt32(k))
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
}
