/// Where a child is: at home (no service), waiting for a service, or in one.
/// Packed into one byte per child.
enum Place {
    static let home: UInt8 = 0
    private static let waitingBase: UInt8 = 1
    private static let careBase: UInt8 = 16

    @inline(__always) static func waiting(_ s: ServiceKind) -> UInt8 { waitingBase + UInt8(s.rawValue) }
    @inline(__always) static func inCare(_ s: ServiceKind) -> UInt8 { careBase + UInt8(s.rawValue) }
    @inline(__always) static func isWaiting(_ p: UInt8) -> Bool { p >= waitingBase && p < careBase }
    @inline(__always) static func isInCare(_ p: UInt8) -> Bool { p >= careBase }
    @inline(__always) static func service(_ p: UInt8) -> ServiceKind {
        ServiceKind(rawValue: Int(p >= careBase ? p - careBase : p - waitingBase))!
    }
}

/// Per-child flags, one bit each.
enum ChildFlag {
    static let alive: UInt8 = 1 << 0
    /// The child's school has a care arrangement.
    static let schoolCovered: UInt8 = 1 << 1
    /// Resolved in care: the relapse hazard applies until the next onset.
    static let relapseRisk: UInt8 = 1 << 2
    /// Placed out of home under youth protection.
    static let placed: UInt8 = 1 << 3
}

/// All children, as parallel arrays (structure of arrays): compact, cache-friendly,
/// and free of per-child allocation. Slots of children who left are reused.
struct ChildTable {
    var birthDay: [Double] = []
    var household: [Int32] = []
    var risk: [UInt8] = []
    /// 0 = no need, 1 = light, 2 = moderate, 3 = severe.
    var need: [UInt8] = []
    var place: [UInt8] = []
    var flags: [UInt8] = []
    /// Incremented whenever the child's pending event is replaced; events carrying an
    /// older token are stale and skipped.
    var token: [UInt32] = []
    /// Incremented whenever the child joins or leaves a waiting list.
    var ticket: [UInt32] = []
    var freeSlots: [Int32] = []

    init(reserving capacity: Int) {
        birthDay.reserveCapacity(capacity)
        household.reserveCapacity(capacity)
        risk.reserveCapacity(capacity)
        need.reserveCapacity(capacity)
        place.reserveCapacity(capacity)
        flags.reserveCapacity(capacity)
        token.reserveCapacity(capacity)
        ticket.reserveCapacity(capacity)
    }

    /// Adds a child (reusing a free slot when there is one) and returns its index.
    mutating func add(birthDay day: Double, household hh: Int32, risk group: UInt8, flags initialFlags: UInt8) -> Int {
        if let slot = freeSlots.popLast() {
            let i = Int(slot)
            birthDay[i] = day
            household[i] = hh
            risk[i] = group
            need[i] = 0
            place[i] = Place.home
            flags[i] = initialFlags | ChildFlag.alive
            token[i] &+= 1
            ticket[i] &+= 1
            return i
        }
        birthDay.append(day)
        household.append(hh)
        risk.append(group)
        need.append(0)
        place.append(Place.home)
        flags.append(initialFlags | ChildFlag.alive)
        token.append(0)
        ticket.append(0)
        return birthDay.count - 1
    }

    mutating func remove(_ i: Int) {
        flags[i] = 0
        token[i] &+= 1
        freeSlots.append(Int32(i))
    }

    @inline(__always) func has(_ i: Int, _ flag: UInt8) -> Bool { flags[i] & flag != 0 }
    @inline(__always) mutating func set(_ i: Int, _ flag: UInt8) { flags[i] |= flag }
    @inline(__always) mutating func clear(_ i: Int, _ flag: UInt8) { flags[i] &= ~flag }
}
