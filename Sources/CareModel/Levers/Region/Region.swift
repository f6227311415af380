/// The regional pool (`RegionParameters`) as the event loop uses it: the other
/// municipalities' places and referrals per day, per service (ServiceKind order; 0
/// outside specialised care or without a region).
struct Region: Sendable {
    let places: [Int]
    var referralsPerDay: [Double]

    init(_ region: RegionParameters, services s: ServiceParameters) throws {
        let others = Double(region.otherChildren) / 1000
        /// A per-service array (ServiceKind order) with values for specialised care only.
        func specialisedOnly(ambulant: Double, residential: Double) -> [Double] {
            ServiceKind.allCases.map { $0 == .specialisedAmbulant ? ambulant : $0 == .residential ? residential : 0 }
        }
        var outside: [Int] = []
        for (k, places) in specialisedOnly(ambulant: s.specialisedAmbulant.placesPer1000Children * others,
                                           residential: s.residential.placesPer1000Children * others).enumerated() {
            outside.append(try checkedInt(places, "the region's \(ServiceKind.allCases[k]) places (services.region.other_children x places_per_1000_children / 1000)"))
        }
        places = outside
        referralsPerDay = specialisedOnly(ambulant: region.otherEpisodesPer1000Ambulant * others / daysPerYear,
                                          residential: region.otherEpisodesPer1000Residential * others / daysPerYear)
    }

    mutating func raise(to s: Region) {
        for k in referralsPerDay.indices { referralsPerDay[k] = max(referralsPerDay[k], s.referralsPerDay[k]) }
    }

    /// Its events: a referral from another municipality (subject: the service); an outside
    /// child's episode ends, or it gives up waiting (subject: its slot).
    static let referralEvent: UInt32 = LeverEventKind.region.lowerBound
    static let careEndEvent: UInt32 = LeverEventKind.region.lowerBound + 1
    static let giveUpEvent: UInt32 = LeverEventKind.region.lowerBound + 2
}

/// The region's state in one replication.
struct RegionState {
    var clients = OutsideClients()
}

/// The children of the other municipalities in a region that shares its specialised
/// providers: each has a slot while it waits or is in care. They arrive as a Poisson
/// stream per service, take a free place or join the same waiting list (entries with a
/// negative subject: -1 - slot), give up waiting at the scenario's hazard, and stay one
/// episode. Their days are not this municipality's spending.
struct OutsideClients {
    /// Matches the slot's live queue entry and pending event.
    var ticket: [UInt32] = []
    var service: [UInt8] = []
    var freeSlots: [Int32] = []
    /// Per service (ServiceKind order): outside children waiting and in care now.
    var waiting = [Int](repeating: 0, count: ServiceKind.allCases.count)
    var inCare = [Int](repeating: 0, count: ServiceKind.allCases.count)

    mutating func take(_ s: ServiceKind) -> Int {
        if let slot = freeSlots.popLast() {
            service[Int(slot)] = UInt8(s.rawValue)
            return Int(slot)
        }
        ticket.append(0)
        service.append(UInt8(s.rawValue))
        return ticket.count - 1
    }

    mutating func free(_ slot: Int) {
        ticket[slot] &+= 1
        freeSlots.append(Int32(slot))
    }
}

