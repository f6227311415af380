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
    /// In a household whose story is being told.
    static let storied: UInt8 = 1 << 4
    /// In the referral step (indication and/or hand-over) towards the service of its
    /// (waiting) place: not yet in the queue.
    static let inReferralStep: UInt8 = 1 << 5
    /// The current referral includes an indication step.
    static let referralIndication: UInt8 = 1 << 6
    /// The current referral moves the case to another organisation (a hand-over): the
    /// receiving organisation does its own intake at the first episode.
    static let referralHandover: UInt8 = 1 << 7
}

/// One child: 32 bytes (two to a cache line; `CareHistoryOutputTests.aChildIsStill32Bytes` checks it), so the line an event touches holds all of it.
struct Child {
    var birthDay: Double
    /// Days. While the child waits for its first care since a need was noticed: when it was
    /// noticed (for the time to help). While in a service: when the stay there began (for
    /// the length of stays that end). -1 otherwise.
    var since: Float
    var household: Int32
    /// Incremented whenever the child's pending event is replaced; events carrying an
    /// older token are stale and skipped.
    var token: UInt32
    /// Incremented whenever the child joins or leaves a waiting list.
    var ticket: UInt32
    var risk: UInt8
    /// 0 = no need, 1 = light, 2 = moderate, 3 = severe.
    var need: UInt8
    var place: UInt8
    var flags: UInt8
    /// Which kinds of care the child has already been counted as a user of in this
    /// budget year (UserMark bits; cleared when a year opens).
    var yearMarks: UInt8
    /// Bits owned by the levers in `Levers/` (`LeverFlag`).
    var leverFlags: UInt8 = 0
    /// The current referral comes from a GP while the GP route is open
    /// (policies.open_entitlement.gp_route_open): the municipality cannot ration it.
    var gpReferral = false
}

/// Kinds of care whose distinct users per year are reported (the way CBS counts users).
enum UserMark {
    /// Youth help (jeugdhulp): the team, specialised ambulant or residential care, or a placement.
    static let youthHelp: UInt8 = 1 << 0
    /// Youth help with stay (met verblijf): residential care or a placement out of home.
    static let stay: UInt8 = 1 << 1
    /// A youth-protection order.
    static let protection: UInt8 = 1 << 2
    /// Youth help without stay (zonder verblijf): the neighbourhood team or specialised ambulant care.
    static let withoutStay: UInt8 = 1 << 3
    /// Youth care of any kind (jeugdzorg): youth help or youth protection.
    static let youthCare: UInt8 = youthHelp | protection
}

/// All children in one block of compact values (each event touches one child, at
/// random: one record per child costs one cache miss, not one per field). Slots of
/// children who left are reused.
struct ChildTable {
    let all: ChildRecords
    var freeSlots: [Int32] = []

    init(reserving capacity: Int) {
        all = ChildRecords(reserving: capacity)
    }

    /// Adds a child (reusing a free slot when there is one) and returns its index.
    mutating func add(birthDay day: Double, household hh: Int32, risk group: UInt8, flags initialFlags: UInt8) -> Int {
        if let slot = freeSlots.popLast() {
            let i = Int(slot)
            let old = all[i]
            all[i] = Child(birthDay: day, since: -1, household: hh, token: old.token &+ 1, ticket: old.ticket &+ 1,
                           risk: group, need: 0, place: Place.home, flags: initialFlags | ChildFlag.alive, yearMarks: 0,
                           leverFlags: 0, gpReferral: false)
            return i
        }
        all.append(Child(birthDay: day, since: -1, household: hh, token: 0, ticket: 0, risk: group, need: 0,
                         place: Place.home, flags: initialFlags | ChildFlag.alive, yearMarks: 0))
        return all.count - 1
    }

    mutating func remove(_ i: Int) {
        all[i].flags = 0
        all[i].token &+= 1
        freeSlots.append(Int32(i))
    }

    @inline(__always) func has(_ i: Int, _ flag: UInt8) -> Bool { all[i].flags & flag != 0 }
    @inline(__always) func set(_ i: Int, _ flag: UInt8) { all[i].flags |= flag }
    @inline(__always) func clear(_ i: Int, _ flag: UInt8) { all[i].flags &= ~flag }
}

/// The child records of one replication (see `RecordTable`).
typealias ChildRecords = RecordTable<Child>
