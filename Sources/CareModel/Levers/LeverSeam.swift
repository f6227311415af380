import SimKernel

// The lever seam: the one place where the replication meets the levers that live in
// `Levers/<Name>/`. A lever registers here with one line per container below and one
// line in each hook it uses; its handlers, state, counters, columns and story lines stay
// in its folder. The hooks are plain methods of `Replication` (static dispatch, inlined):
// no protocol or closure per event, and a lever that is off costs one branch per hook.

/// The seam levers' parameters, as the scenario's sections give them
/// (`services.school_to_work`, `services.debt_help`, `services.region`,
/// `policies.specialist_consultation`, `policies.own_network`, `policies.community_work`).
public struct LeverParameters: Sendable, Codable, Equatable {
    public var schoolToWork: SchoolToWorkParameters
    public var debtHelp: DebtHelpParameters
    public var region: RegionParameters
    public var specialistConsultation: SpecialistConsultationParameters
    public var ownNetwork: OwnNetworkParameters
    public var communityWork: CommunityWorkParameters

    public init(schoolToWork: SchoolToWorkParameters, debtHelp: DebtHelpParameters, region: RegionParameters,
                specialistConsultation: SpecialistConsultationParameters, ownNetwork: OwnNetworkParameters,
                communityWork: CommunityWorkParameters) {
        self.schoolToWork = schoolToWork
        self.debtHelp = debtHelp
        self.region = region
        self.specialistConsultation = specialistConsultation
        self.ownNetwork = ownNetwork
        self.communityWork = communityWork
    }
}

/// The levers as the event loop uses them (days, hazards per day), one field each.
struct CompiledLevers: Sendable {
    var schoolToWork: SchoolToWork
    var debtHelp: DebtHelp
    var region: Region
    let specialistConsultation: SpecialistConsultation
    let ownNetwork: OwnNetwork
    var communityWork: CommunityWork

    init(_ p: ModelParameters) throws {
        let l = p.levers
        schoolToWork = SchoolToWork(l.schoolToWork)
        debtHelp = try DebtHelp(l.debtHelp)
        region = try Region(l.region, services: p.services)
        specialistConsultation = SpecialistConsultation(l.specialistConsultation)
        ownNetwork = OwnNetwork(l.ownNetwork)
        communityWork = CommunityWork(l.communityWork)
    }

    /// Raises every hazard to the larger of this set's and `s`'s (`CompiledModel.hazardCeiling`).
    mutating func raise(to s: CompiledLevers) {
        schoolToWork.raise(to: s.schoolToWork)
        debtHelp.raise(to: s.debtHelp)
        region.raise(to: s.region)
        communityWork.raise(to: s.communityWork)
    }

    /// The largest factors a lever puts on a child's onset and escalation hazards (events
    /// are scheduled at them and thinned), and whether any lever makes the actual factor smaller.
    @inline(__always) var onsetUpper: Double { debtHelp.onsetUpper }
    @inline(__always) var escalationUpper: Double { debtHelp.escalationUpper }
    @inline(__always) var thinsOnset: Bool { debtHelp.enabled || communityWork.enabled }
    @inline(__always) var thinsEscalation: Bool { debtHelp.enabled }
}

/// The levers' state in one replication, one field each.
struct LeverStates {
    var schoolToWork = SchoolToWorkState()
    var debtHelp: DebtHelpState
    var region = RegionState()
    var specialistConsultation = SpecialistConsultationState()
    var ownNetwork = OwnNetworkState()
    var communityWork = CommunityWorkState()

    init(_ model: CompiledModel) {
        debtHelp = DebtHelpState(model.levers.debtHelp)
    }

    /// A period's counters start fresh (as `PeriodCounters`), so nothing carries over.
    mutating func closePeriod() {
        schoolToWork.period = .init()
        debtHelp.period = .init()
        specialistConsultation.period = .init()
        ownNetwork.period = .init()
        communityWork.period = .init()
    }
}

/// Bits of `Child.leverFlags`, each owned by one lever.
enum LeverFlag {
    /// School-to-work support holds the young person past the leaving age: the lever
    /// schedules its events, and its need is known (not undetected).
    static let held: UInt8 = 1 << 0
    /// Own network: the youth got a mentor or a network meeting on the way to residential care.
    static let ownNetwork: UInt8 = 1 << 1
}

extension Child {
    /// Held past the leaving age by a lever (`LeverFlag.held`).
    @inline(__always) var heldByLever: Bool { leverFlags & LeverFlag.held != 0 }
}

/// Event kinds of the levers' own events (above the core's `EventKind`s, at most `Event.maxKind`).
enum LeverEventKind {
    static let debtHelp: ClosedRange<UInt32> = 64...64
    static let region: ClosedRange<UInt32> = 72...74
}

extension MetricCatalog {
    /// The seam levers' columns, in output order (before the money, where they were first added).
    static let leverColumns: [MetricDefinition] = region + schoolToWork + debtHelp
    /// Their money outside the youth-care budget (after the youth-care money).
    static let leverSpending: [MetricDefinition] = schoolToWorkSpending + debtHelpSpending
    /// The columns of the levers added after (at the end, so the older columns keep their places).
    static let laterLeverColumns: [MetricDefinition] = specialistConsultation + ownNetwork + communityWork

    /// The levers' spending columns and their labels for the money chart of `report.html`.
    public static let leverSpendingItems: [(metric: String, label: String)] = [
        ("school_to_work_spending_eur", "school-to-work support"),
        ("debt_help_spending_eur", "debt help (schuldhulp)"),
        ("specialist_consultation_spending_eur", "specialist consultation"),
        ("own_network_spending_eur", "own network (JIM, netwerkberaad)"),
        ("community_work_spending_eur", "community work (opbouwwerk)"),
    ]
}

/// The hooks: where the replication calls the levers.
extension Replication {
    // MARK: Population

    /// A household is formed.
    @inline(__always) func leversHouseholdFormed() {
        if model.levers.debtHelp.enabled { levers.debtHelp.households.append(HouseholdMoney()) }
        // Every household has its flag when any dated set turns community work on.
        if ceiling.levers.communityWork.enabled { levers.communityWork.flaggedAt.append(-1) }
    }

    /// A child joined household `h`.
    @inline(__always) func leversChildJoined(_ h: Int) {
        if model.levers.debtHelp.enabled { householdGained(h) }
    }

    /// A child reached the leaving age (or the end of care continued after it): true when
    /// a lever keeps the young person.
    @inline(__always) func leversAtLeavingAge(_ i: Int) -> Bool {
        enterAdultSupport(i)
    }

    /// A young person leaves past the leaving age: how, if a lever held them.
    @inline(__always) func leversLeavingPastAge(_ i: Int) -> Happening.Leaving? {
        children.all[i].heldByLever ? leaveAdultSupport(i) : nil
    }

    /// A child leaves the population (its need and place already cleared).
    @inline(__always) func leversChildLeaving(_ i: Int) {
        if model.levers.debtHelp.enabled { householdLost(Int(children.all[i].household)) }
    }

    // MARK: A child's need, place and age

    /// What the levers note before a child's need or place changes.
    @inline(__always) func leversBeforeChange(_ i: Int) -> Bool { inSupport(i) }

    /// After a child's need or place changed.
    @inline(__always) func leversAfterChange(_ i: Int, _ wasInSupport: Bool) {
        updateSupportCount(i, was: wasInSupport)
        if children.all[i].leverFlags & LeverFlag.ownNetwork != 0 { ownNetworkPlaceChanged(i) }
    }

    /// The next age (days) above `a` at which a lever changes a child's rates, if any.
    @inline(__always) func leversNextMilestone(afterAge a: Double) -> Double? {
        supportMilestone(afterAge: a)
    }

    /// A child reached an age milestone.
    @inline(__always) func leversAgeMilestone(_ i: Int) { supportMilestoneReached(i) }

    /// Schedules and handles the events of a child a lever holds (`Child.heldByLever`).
    @inline(__always) func leversScheduleHeld(_ i: Int) { scheduleAdultSupport(i) }
    @inline(__always) func leversHeldTransition(_ i: Int) { adultSupportTransition(i) }

    // MARK: Hazards

    /// The levers' factor on child `i`'s onset hazard now (at most `CompiledLevers.onsetUpper`).
    @inline(__always) func leversOnsetFactor(_ i: Int) -> Double {
        let money = moneyFactor(i, raised: model.levers.debtHelp.onsetFactor)
        return model.levers.communityWork.enabled ? money * communityWorkFactor(i) : money
    }

    /// The levers' factor on child `i`'s escalation hazard now (at most `CompiledLevers.escalationUpper`).
    @inline(__always) func leversEscalationFactor(_ i: Int) -> Double {
        moneyFactor(i, raised: model.levers.debtHelp.escalationFactor)
    }

    /// Extra resolution hazard per day of a need at home at age `a`.
    @inline(__always) func leversExtraResolvePerDay(atAge a: Double, actual: Bool) -> Double {
        supportResolvePerDay(atAge: a, actual: actual)
    }

    // MARK: The flow of care

    /// A referral to `service` is about to join its list or start: the service it goes to.
    @inline(__always) func leversReferral(_ i: Int, to service: ServiceKind) -> ServiceKind {
        service == .residential && model.levers.ownNetwork.enabled ? ownNetworkReferral(i) : service
    }

    /// Youth protection would place the child out of home: true when a lever avoids it.
    @inline(__always) func leversAvoidPlacement(_ i: Int) -> Bool {
        model.levers.ownNetwork.enabled && ownNetworkAvoidsPlacement(i)
    }

    /// Care in `service` started for child `i`.
    @inline(__always) func leversCareStarted(_ i: Int, _ service: ServiceKind) {
        if service == .neighbourhoodTeam && model.levers.communityWork.enabled { flagForCommunityWork(i) }
    }

    /// The levers' factor on the length of an episode of `service` beginning now.
    @inline(__always) func leversEpisodeFactor(_ i: Int, _ service: ServiceKind) -> Double {
        service == .residential && children.all[i].leverFlags & LeverFlag.ownNetwork != 0 ? model.levers.ownNetwork.stayFactor : 1
    }

    /// The team's episode ended without resolving the need: true when a lever lets the team resolve it after all.
    @inline(__always) func leversTeamResolves(_ i: Int) -> Bool {
        levers.specialistConsultation.casesLeft > 0 && consultSpecialist(i)
    }

    // MARK: Time

    /// The run starts (after the first budget year opened).
    func leversRunStarts() {
        for service in [ServiceKind.specialisedAmbulant, .residential] { scheduleOutsideReferral(service) }
    }

    /// A budget year opened (its places and budgets are set).
    func leversYearOpened() { openConsultationYear() }

    /// A dated parameter set took over.
    func leversParametersChanged() { debtHelpParametersChanged() }

    /// The clock moves on by `dt` days (before the event at the new time).
    @inline(__always) func leversAdvance(_ dt: Double) {
        levers.schoolToWork.period.participantDays += Double(levers.schoolToWork.all) * dt
    }

    /// A period's row has been taken.
    func leversPeriodClosed() { levers.closePeriod() }

    /// One of the levers' own events (`LeverEventKind`).
    func handleLeverEvent(_ event: Event) {
        switch event.kind {
        case LeverEventKind.debtHelp: debtHelpEvent(event)
        case LeverEventKind.region: regionEvent(event)
        default: preconditionFailure("event kind \(event.kind) belongs to no lever")
        }
    }

    // MARK: Others in the shared places (the region): the core's own columns leave them out

    @inline(__always) func othersInCare(_ r: Int) -> Int { levers.region.clients.inCare[r] }
    @inline(__always) func othersWaiting(_ r: Int) -> Int { levers.region.clients.waiting[r] }
    /// Places of others in service `r`'s pool, per service (ServiceKind order).
    @inline(__always) var othersPlaces: [Int] { model.levers.region.places }
    /// Whether a list entry of another's (a negative subject) still waits, and admitting it.
    @inline(__always) func othersEntryIsLive(_ e: QueueEntry) -> Bool { outsideIsLive(e) }
    @inline(__always) func admitOther(_ e: QueueEntry) { admitOutside(e) }

    // MARK: Stories

    /// Adds a lever's line to the story of child `i`, if followed.
    @inline(__always) func tell(_ i: Int, _ line: StoryBook.LeverLine) {
        if children.all[i].flags & ChildFlag.storied != 0 { recorder.tell(i, .lever(line), at: events.now) }
    }
}
