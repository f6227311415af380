import CPrefetch

/// Records of one replication (children, households) in memory it owns, addressed
/// directly: an array in a class property would check its buffer's uniqueness (a call
/// into the Swift runtime) at every write, and the model writes a child's record several
/// times per event (at national size that check was 15 % of the run). The memory is in
/// huge pages where the system offers them (`runway_table_allocate`): events touch
/// records at random, and with 4 KiB pages each touch of a national table also missed
/// the TLB. Indices are checked. `Element` must hold no references (nothing is
/// deinitialised).
final class RecordTable<Element> {
    private(set) var count = 0
    private var capacity: Int
    private var base: UnsafeMutablePointer<Element>

    init(reserving capacity: Int) {
        self.capacity = max(capacity, 64)
        base = Self.allocate(self.capacity)
    }

    deinit { runway_table_free(base) }

    /// Aligned to 2 MiB (so to the cache line: no record of a power-of-two size straddles two lines).
    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<Element> {
        guard let memory = runway_table_allocate(capacity * MemoryLayout<Element>.stride) else {
            fatalError("out of memory for \(capacity) records of \(MemoryLayout<Element>.stride) bytes")
        }
        return memory.bindMemory(to: Element.self, capacity: capacity)
    }

    var indices: Range<Int> { 0..<count }

    subscript(i: Int) -> Element {
        @inline(__always) unsafeAddress {
            precondition(i >= 0 && i < count, "record index out of range")
            return UnsafePointer(base + i)
        }
        @inline(__always) unsafeMutableAddress {
            precondition(i >= 0 && i < count, "record index out of range")
            return base + i
        }
    }

    func append(_ record: Element) {
        if count == capacity {
            // Geometric growth: the records are copied only O(log n) times.
            let grown = Self.allocate(capacity * 2)
            grown.moveInitialize(from: base, count: count)
            runway_table_free(base)
            base = grown
            capacity *= 2
        }
        (base + count).initialize(to: record)
        count += 1
    }

    /// Starts loading record `i` into the cache (a hint; out-of-range is ignored).
    @inline(__always) func prefetch(_ i: Int) {
        if i >= 0 && i < count { runway_prefetch(base + i) }
    }
}
