/// Where each quantity sits in the mean-field state vector of one cohort.
///
/// The cohort is split into blocks, one per (risk group, school covered or not); a
/// block holds the expected number of children in each state. After the blocks come
/// cumulative counters (flows, care-days), integrated with the states.
struct MeanFieldLayout {
    /// Services with places (every one but youth protection, which never refuses).
    static let servicesWithPlaces = ServiceKind.youthProtection.rawValue
    /// A waiting list is a chain of this many stages, each left at `stages` x the list's
    /// admission rate: the wait is Erlang with coefficient of variation 1 / sqrt(stages),
    /// a smooth version of the simulation's first come, first served (a fluid FIFO list
    /// would give everyone the same wait; 1 stage would be random order).
    static let stages = 4
    /// Specialised services a referral step leads to (ambulant, residential).
    static let stepTargets = 2
    static let blockSize = firstAmbulantLong + 3
    static let well = 0
    static let wellRelapseRisk = 1
    /// Undetected need of severity s (1...3), at home.
    static func undetected(_ s: Int) -> Int { 1 + s }
    /// In care at service `service` with need s (youth protection without placement).
    static func care(_ service: Int, _ s: Int) -> Int { 5 + service * 3 + (s - 1) }
    /// Under youth protection with an out-of-home placement, need s.
    static func placed(_ s: Int) -> Int { 23 + (s - 1) }
    /// On the waiting list of `service` (not youth protection) with need s, at `stage`
    /// (0 = just joined, stages - 1 = next to be admitted).
    static func waiting(_ service: Int, _ s: Int, _ stage: Int) -> Int { 26 + (service * 3 + (s - 1)) * stages + stage }
    static let firstWaiting = 26
    /// In the old regime's indication step (policies.old_regime) on the way to `target`
    /// (0 = specialised ambulant, 1 = residential), with need s (its current need).
    static func referralStep(_ target: Int, _ s: Int) -> Int { firstStep + target * 3 + (s - 1) }
    static let firstStep = firstWaiting + servicesWithPlaces * 3 * stages
    /// In specialised ambulant care with need s, in the long phase of its episode
    /// (`MeanFieldAmbulantPhases`; `care(ambulant, s)` is the short phase). Last in the
    /// block, so that it stays empty, and the settled start's draws unchanged, where
    /// ambulant durations spread no more than an exponential's.
    static func ambulantLong(_ s: Int) -> Int { firstAmbulantLong + (s - 1) }
    static let firstAmbulantLong = firstStep + stepTargets * 3
    /// The states in which care at `service` with need s begins, with their shares: both
    /// phases for specialised ambulant care, the one state otherwise.
    static func careStates(_ service: Int, _ s: Int, _ phases: MeanFieldAmbulantPhases) -> [(state: Int, share: Double)] {
        guard service == ServiceKind.specialisedAmbulant.rawValue else { return [(care(service, s), 1)] }
        return [(care(service, s), phases.shortShare), (ambulantLong(s), phases.longShare)]
    }
    /// The service a referral step leads to.
    static func stepService(_ target: Int) -> ServiceKind { target == 0 ? .specialisedAmbulant : .residential }

    enum Counter: Int, CaseIterable {
        case onsets = 0, escalations, crises, resolved, resolvedInCare, placements
        case newEpisodes0, newEpisodes1, newEpisodes2, newEpisodes3, newEpisodes4, newEpisodes5
        case starts0, starts1, starts2, starts3, starts4, starts5
        case careDays0, careDays1, careDays2, careDays3, careDays4, careDays5
        case placedDays, weightedNeedDays, childDays, gaveUp
        case oldRegimeIndications, turnedAway
    }

    let groups: Int
    var blocks: Int { groups * 2 }
    var counterBase: Int { blocks * Self.blockSize }
    var dimension: Int { counterBase + Counter.allCases.count }

    func block(group: Int, covered: Bool) -> Int { (group * 2 + (covered ? 1 : 0)) * Self.blockSize }
    func counter(_ c: Counter) -> Int { counterBase + c.rawValue }
    func newEpisodes(_ channel: Channel) -> Int { counterBase + Counter.newEpisodes0.rawValue + channel.rawValue }
    func starts(_ service: Int) -> Int { counterBase + Counter.starts0.rawValue + service }
    func careDays(_ service: Int) -> Int { counterBase + Counter.careDays0.rawValue + service }
}
