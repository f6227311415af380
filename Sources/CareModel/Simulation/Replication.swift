import SimKernel
import Stochastics

/// One replication of the model: a population of children moving through the
/// services over the horizon, driven by one event list.
///
/// Each child has at most one live pending event. Competing hazards (onset,
/// escalation, resolution, detection channels, crisis, giving up) are sampled as one
/// exponential with the summed rate; at the event the transition is chosen in
/// proportion to the rates. Rates that depend on a service's funding (team and school
/// detection) are sampled at their full-funding upper bound and thinned when the event
/// fires, so yearly capacity changes take effect exactly without rescheduling anyone.
///
/// With dated values (`CompiledModel.laterSets`) `model` is the set in force now,
/// switched at each change date; child and household hazards are scheduled at their
/// ceiling over all dates (`ceiling`) and thinned to `model`'s when they fire.
public final class Replication {
    /// The parameter set in force now. Read on every event and written only between
    /// events (`applyDueChanges`), so its accesses need no run-time exclusivity check.
    @exclusivity(unchecked) var model: CompiledModel
    /// Every hazard at its largest value over the run's dates (the first set itself without dated values).
    let ceiling: CompiledModel
    /// Whether the run has dated values (then every scheduled hazard is thinned).
    let isDated: Bool
    /// The next of `firstSet.laterSets` to take over.
    var nextChange = 0
    /// The set in force at the start, which holds the later sets and their dates.
    private let firstSet: CompiledModel
    let replication: Int
    var events: EventList
    var children: ChildTable
    var resources: [Resource]
    let streams: RandomStreams
    var integrals = TimeIntegrals()
    var householdRisk: [UInt8] = []
    /// Per household, its children in care (for counting providers); in a table like the children's.
    let householdCare: RecordTable<HouseholdCare>
    var providerTally = ProviderTally()
    /// The state of the levers in `Levers/` (`LeverSeam`).
    var levers: LeverStates
    let householdSizes: DiscreteDistribution
    let riskGroups: DiscreteDistribution

    // Stocks kept up to date as children change.
    var aliveCount = 0
    var needCount = [Int](repeating: 0, count: 4)
    var undetectedCount = 0
    var weightedNeed = 0.0
    var placedCount = 0
    /// Children in the referral step (indication and/or hand-over).
    var referralStepCount = 0

    // Money and funding of the current budget year.
    var yearAccount: YearAccount
    /// The money of the period being recorded (for its row).
    var periodMoney = PeriodMoney()
    var reserve: Double
    /// Spending minus income of the last settled year (for the deficit policy).
    var lastDeficit = 0.0
    /// Youth-protection spending of the budget year so far; when a new year opens, the
    /// last year's total (rationing leaves room for it).
    var protectionSpentThisYear = 0.0
    /// Team places the year's budget pays for, before the transition's productivity loss.
    var fundedTeamPlaces = 0
    /// Team staff in post, in places (starts fully staffed), and when hiring was last counted.
    var teamStaffedPlaces = Double.infinity
    var lastStaffingUpdate = 0.0
    /// Detection multipliers of funding-dependent channels, in [0, 1].
    var teamFactor = 1.0
    /// The team's outreach factor the year's budget pays for (`teamFactor` is 0 under the old regime).
    var fundedTeamFactor = 1.0
    var schoolFactor = 1.0
    var jgzReachFactor = 1.0
    /// Population budget: the consortium's own costs (care-days x tariff) so far this year
    /// have run over the contract paid so far, so it shifts to lighter care.
    var consortiumOverBudget = false
    var consortiumCost = 0.0
    var contractPaid = 0.0
    /// Children counted this budget year so far as users of any youth care (help or protection).
    var yearUsers = 0
    /// Places specialised providers have added for their waiting lists (services.specialised_capacity_growth), per service.
    var extraPlaces = [Double](repeating: 0, count: ServiceKind.allCases.count)
    /// Places the providers have this year before any rationing (the GP route may use them), per service.
    var providerPlaces = [Int](repeating: 0, count: ServiceKind.allCases.count)
    /// The low threshold's factor on the team channels at which children are scheduled:
    /// 1 before the transition, its full value after (thinned to the ramp's current value).
    var accessUpper = 1.0
    /// Induced referrals (services.specialised_capacity_growth.induced_referrals): the factor
    /// on the GP channel this year, and the one children are scheduled at (as `accessUpper`).
    var inducedNow = 1.0
    var inducedUpper = 1.0
    /// Team places added because the team's list was long (services.neighbourhood_team.places_per_waiting_child).
    var extraTeamPlaces = 0.0

    /// The day whose events' children were last prefetched (`prefetchDay`).
    var prefetchedDay = -Double.infinity

    /// Children the settled start puts in care (an episode under way) until the first
    /// budget year's places admit them; emptied once it has.
    var underWayAtStart: Set<Int> = []

    var rows: [PeriodRow] = []
    /// The stays begun in each period that have ended, for the started-stay columns.
    var startedStays: StartedStays
    var periodIndex = 0
    var initialChildren = 0
    var born = 0
    var left = 0

    static let serviceCount = ServiceKind.allCases.count

    /// Counts what the handlers report (period flows, per-group flows, stories).
    var recorder: Recorder

    public init(model: CompiledModel, replication: Int, stories: Int = 0) throws(DistributionError) {
        self.model = model
        firstSet = model
        ceiling = model.hazardCeiling()
        isDated = model.isDated
        self.replication = replication
        let p = model.parameters
        streams = RandomStreams(seed: p.experiment.seed, replication: replication)
        householdSizes = try DiscreteDistribution(weights: p.population.householdSizeShares)
        riskGroups = try DiscreteDistribution(weights: model.riskShares)
        let expectedChildren = p.population.children
        events = EventList(reservingCapacity: expectedChildren + expectedChildren / 8 + 64)
        children = ChildTable(reserving: expectedChildren + expectedChildren / 8)
        householdCare = RecordTable(reserving: expectedChildren)
        let levels = p.policies.queueDiscipline == .severity ? 3 : 1
        resources = ServiceKind.allCases.map { _ in Resource(capacity: 0, queueLevels: levels) }
        resources[ServiceKind.youthProtection.rawValue].setCapacity(.max)
        levers = LeverStates(model)
        reserve = p.budget.reserveEur
        recorder = Recorder(riskGroups: p.population.riskGroups.count, stories: stories)
        startedStays = StartedStays(periodBoundaries: model.periodBoundaries)
        yearAccount = YearAccount(year: p.horizon.start.year, parameters: p)
        // A transition before the start: the low threshold is open from day 0 (no event opens it).
        if model.transitionDay < 0 {
            accessUpper = ceiling.accessFactor
            inducedUpper = ceiling.inducedReferralUpper
        }
    }

    /// Runs the whole horizon and returns the recorded periods. Throws a `ModelError` if a
    /// budget year's place counts do not fit a whole number (checked once per year).
    public func run() throws(ModelError) -> ReplicationResult {
        createInitialPopulation()
        if model.warmupDay <= 0 { chooseStoryHouseholds() }
        try openYear(model.parameters.horizon.start.year)
        // Those not admitted (more drawn in care than places) start fresh episodes later.
        underWayAtStart = []
        events.schedule(at: model.periodBoundaries[1], priority: ModelPriority.periodClose, kind: EventKind.periodBoundary.rawValue)
        if model.transitionDay >= 0 && model.transitionDay < model.endDay {
            events.schedule(at: model.transitionDay, priority: ModelPriority.yearStart, kind: EventKind.transition.rawValue)
        }
        for day in model.changeDays where day < model.endDay {
            events.schedule(at: day, priority: ModelPriority.parameterChange, kind: EventKind.parameterChange.rawValue)
        }
        scheduleNextBirth()
        leversRunStarts()

        while let event = events.next() {
            prefetchDay(of: event.time)
            prefetchUpcoming()
            advanceIntegrals(to: event.time)
            guard let kind = EventKind(rawValue: event.kind) else {
                handleLeverEvent(event)
                continue
            }
            switch kind {
            case .periodBoundary:
                if try closePeriod() { break }
                continue
            case .birth:
                addNewborn()
                scheduleNextBirth()
                continue
            case .transition:
                try handOver()
                continue
            case .parameterChange:
                applyDueChanges()
                continue
            case .hazard, .ageMilestone, .ageOut, .jgzContact, .careEnd, .jgzTransfer:
                let i = Int(event.subject)
                guard children.all[i].token == event.token else { continue }
                handleChildEvent(i, kind: kind)
                continue
            }
            break
        }
        var result = ReplicationResult(
            replication: replication, rows: startedStays.filled(rows), events: events.processed,
            initialChildren: initialChildren, childrenBorn: born, childrenLeft: left,
            childrenAtEnd: aliveCount, initialReserve: firstSet.parameters.budget.reserveEur)
        if recorder.storyCount > 0 { result.stories = recorder.stories }
        return result
    }

    /// Puts in force every parameter set whose date has come (a period closing on that
    /// date has been recorded with the old set; the budget year opens with the new one).
    func applyDueChanges() {
        let sets = firstSet.laterSets
        guard nextChange < sets.count, firstSet.changeDays[nextChange] <= events.now + sameInstantDays else { return }
        while nextChange < sets.count && firstSet.changeDays[nextChange] <= events.now + sameInstantDays {
            model = sets[nextChange]
            nextChange += 1
        }
        // A consortium that no longer holds the contract (a dated financing model) no longer steers care.
        if model.parameters.services.specialisedFinancing.model != .populationBudget { consortiumOverBudget = false }
        leversParametersChanged()
    }

    /// When the clock enters a new day, starts loading the records of the children of all
    /// that day's events (the event list's window is one day: its heap then holds them all,
    /// a few thousand at national size, whose records fit in the core's cache). Requested
    /// together, their cache misses overlap instead of stalling one event at a time.
    /// Changes no result, only timing.
    @inline(__always) func prefetchDay(of time: Double) {
        guard time >= prefetchedDay + 1 else { return }
        prefetchedDay = time.rounded(.down)
        var k = 0
        while let event = events.upcoming(k) {
            if EventKind.hasChildSubject(event.kind) { children.all.prefetch(Int(event.subject)) }
            k += 1
        }
    }

    /// Starts loading what the next events will touch while this one is handled: at national
    /// size each child's record and household are cache misses. The records of the children
    /// of the two events that may follow the next, and the household of the next event's
    /// child (whose record was requested one event ago). Changes no result, only timing.
    @inline(__always) func prefetchUpcoming() {
        if let next = events.upcoming(0), EventKind.hasChildSubject(next.kind), Int(next.subject) < children.all.count {
            householdCare.prefetch(Int(children.all[Int(next.subject)].household))
        }
        for k in 1...2 {
            if let later = events.upcoming(k), EventKind.hasChildSubject(later.kind) { children.all.prefetch(Int(later.subject)) }
        }
    }

    /// Reports what happened to child `i` to the recorder, and to its story if followed.
    @inline(__always) func report(_ i: Int, _ what: Happening) {
        let child = children.all[i]
        recorder.count(what, group: Int(child.risk))
        if child.flags & ChildFlag.storied != 0, let line = what.story { recorder.tell(i, line, at: events.now) }
    }
}
