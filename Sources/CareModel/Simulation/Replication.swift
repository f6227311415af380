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
public final class Replication {
    let model: CompiledModel
    let replication: Int
    var events: EventList
    var children: ChildTable
    var resources: [Resource]
    let streams: RandomStreams
    var counters = PeriodCounters()
    var integrals = TimeIntegrals()
    var householdRisk: [UInt8] = []
    var householdCare: [HouseholdCare] = []
    var providerTally = ProviderTally()
    /// Money problems per household and the debt-help service (only with services.debt_help enabled).
    var householdMoney: [HouseholdMoney] = []
    var debtHelp: Resource
    var householdsWithMoneyProblems = 0
    /// Young people in school-to-work support now (services.school_to_work).
    var supportCount = 0
    /// Of them, those past the leaving age (they no longer count as undetected needs).
    var adultSupportCount = 0
    /// Children of the other municipalities using the shared providers (services.region).
    var outside = OutsideClients()
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
    var groups: GroupTally

    // Money and funding of the current budget year.
    var budget: YearBudget
    var reserve: Double
    /// Spending minus income of the last settled year (for the deficit policy).
    var lastDeficit = 0.0
    /// Team places the year's budget pays for, before the transition's productivity loss.
    var fundedTeamPlaces = 0
    /// Team staff in post, in places (starts fully staffed), and when hiring was last counted.
    var teamStaffedPlaces = Double.infinity
    var lastStaffingUpdate = 0.0
    /// Detection multipliers of funding-dependent channels, in [0, 1].
    var teamFactor = 1.0
    var schoolFactor = 1.0
    var jgzReachFactor = 1.0
    /// Population budget: the consortium's own costs (care-days x tariff) so far this year
    /// have run over the contract paid so far, so it shifts to lighter care.
    var consortiumOverBudget = false
    var consortiumCost = 0.0
    var contractPaid = 0.0

    var rows: [PeriodRow] = []
    var periodIndex = 0
    var initialChildren = 0
    var born = 0
    var left = 0

    static let serviceCount = ServiceKind.allCases.count

    /// Households whose stories to tell (0: none).
    let storyCount: Int
    var stories = StoryBook()
    /// Story child number of each storied child slot.
    var storyChild: [Int: Int] = [:]
    var storyHouseholds: Set<Int32> = []

    public init(model: CompiledModel, replication: Int, stories: Int = 0) throws(DistributionError) {
        self.model = model
        self.replication = replication
        self.storyCount = stories
        let p = model.parameters
        streams = RandomStreams(seed: p.experiment.seed, replication: replication)
        householdSizes = try DiscreteDistribution(weights: p.population.householdSizeShares)
        riskGroups = try DiscreteDistribution(weights: model.riskShares)
        let expectedChildren = p.population.children
        events = EventList(reservingCapacity: expectedChildren + expectedChildren / 8 + 64)
        children = ChildTable(reserving: expectedChildren + expectedChildren / 8)
        let levels = p.policies.queueDiscipline == .severity ? 3 : 1
        resources = ServiceKind.allCases.map { _ in Resource(capacity: 0, queueLevels: levels) }
        resources[ServiceKind.youthProtection.rawValue].setCapacity(.max)
        debtHelp = Resource(capacity: p.services.debtHelp.enabled ? p.services.debtHelp.places : 0)
        reserve = p.budget.reserveEur
        groups = GroupTally(groups: p.population.riskGroups.count)
        budget = YearBudget(year: p.horizon.start.year, parameters: p, children: expectedChildren)
    }

    /// Runs the whole horizon and returns the recorded periods.
    public func run() -> ReplicationResult {
        createInitialPopulation()
        if model.warmupDay <= 0 { chooseStoryHouseholds() }
        openYear(model.parameters.horizon.start.year)
        events.schedule(at: model.periodBoundaries[1], priority: EventPriority.periodClose, kind: EventKind.periodBoundary.rawValue)
        if model.transitionDay >= 0 && model.transitionDay < model.endDay {
            events.schedule(at: model.transitionDay, priority: EventPriority.yearStart, kind: EventKind.transition.rawValue)
        }
        scheduleNextBirth()
        for service in [ServiceKind.specialisedAmbulant, .residential] { scheduleOutsideReferral(service) }

        while let event = events.next() {
            advanceIntegrals(to: event.time)
            switch EventKind(rawValue: event.kind)! {
            case .periodBoundary:
                if closePeriod() { break }
                continue
            case .birth:
                addNewborn()
                scheduleNextBirth()
                continue
            case .transition:
                handOver()
                continue
            case .household:
                let h = Int(event.subject)
                guard householdMoney[h].token == event.token else { continue }
                moneyEvent(h)
                continue
            case .outsideReferral:
                outsideReferral(ServiceKind(rawValue: Int(event.subject))!)
                continue
            case .outsideCareEnd, .outsideGiveUp:
                let slot = Int(event.subject)
                guard outside.ticket[slot] == event.token else { continue }
                if event.kind == EventKind.outsideCareEnd.rawValue { outsideCareEnd(slot) } else { outsideGiveUp(slot) }
                continue
            case .hazard, .ageMilestone, .ageOut, .jgzContact, .careEnd, .jgzTransfer:
                let i = Int(event.subject)
                guard children.all[i].token == event.token else { continue }
                handleChildEvent(i, kind: EventKind(rawValue: event.kind)!)
                continue
            }
            break
        }
        var result = ReplicationResult(
            replication: replication, rows: rows, events: events.processed,
            initialChildren: initialChildren, childrenBorn: born, childrenLeft: left,
            childrenAtEnd: aliveCount, initialReserve: model.parameters.budget.reserveEur)
        if storyCount > 0 { result.stories = stories }
        return result
    }

    // MARK: - Population

    private func createInitialPopulation() {
        let target = model.parameters.population.children
        let stream = streams.population
        while aliveCount < target {
            let size = householdSizes.sample(stream) + 1
            let household = newHousehold(stream)
            for _ in 0..<min(size, target - aliveCount) {
                let age = stream.uniform() * model.leavingAgeDays
                addChild(birthDay: -age, household: household, stream: stream)
            }
        }
        initialChildren = aliveCount
    }

    private func newHousehold(_ stream: RandomStream) -> Int32 {
        householdRisk.append(UInt8(riskGroups.sample(stream)))
        householdCare.append(HouseholdCare())
        if model.hasMoneyProblems { householdMoney.append(HouseholdMoney()) }
        return Int32(householdRisk.count - 1)
    }

    private func addChild(birthDay: Double, household: Int32, stream: RandomStream) {
        let covered = stream.bernoulli(model.parameters.services.schoolCare.shareOfChildrenCovered)
        let i = children.add(birthDay: birthDay, household: household, risk: householdRisk[Int(household)],
                             flags: covered ? ChildFlag.schoolCovered : 0)
        if !storyHouseholds.isEmpty && storyHouseholds.contains(household) { follow(i) }
        aliveCount += 1
        groups.integrate(Int(children.all[i].risk), until: events.now)
        groups.alive[Int(children.all[i].risk)] += 1
        if model.hasMoneyProblems { householdGained(Int(household)) }
        scheduleHome(i)
    }

    private func scheduleNextBirth() {
        guard model.birthsPerDay > 0 else { return }
        let t = events.now + streams.births.exponential(mean: 1 / model.birthsPerDay)
        guard t < model.endDay else { return }
        events.schedule(at: t, priority: EventPriority.arrival, kind: EventKind.birth.rawValue)
    }

    /// A newborn starts a new household with probability 1 / mean household size
    /// (so the household structure stays roughly stable), or joins an existing one.
    private func addNewborn() {
        let stream = streams.births
        let household: Int32
        if householdRisk.isEmpty || stream.bernoulli(1 / model.meanHouseholdSize) {
            household = newHousehold(stream)
        } else {
            household = Int32(stream.integer(below: householdRisk.count))
        }
        born += 1
        counters.births += 1
        addChild(birthDay: events.now, household: household, stream: stream)
    }

    // MARK: - Stories

    /// Draws the households to follow, among those with children when the reported
    /// period begins (from their own stream: no other number changes).
    func chooseStoryHouseholds() {
        guard storyCount > 0, stories.households.isEmpty else { return }
        var withChildren = Set<Int32>()
        for i in children.all.indices where children.has(i, ChildFlag.alive) { withChildren.insert(children.all[i].household) }
        let candidates = withChildren.sorted()
        while stories.households.count < min(storyCount, candidates.count) {
            let h = candidates[streams.stories.integer(below: candidates.count)]
            if storyHouseholds.insert(h).inserted { stories.households.append(Int(h)) }
        }
        for i in children.all.indices where children.has(i, ChildFlag.alive) && storyHouseholds.contains(children.all[i].household) {
            follow(i)
        }
    }

    private func follow(_ i: Int) {
        children.set(i, ChildFlag.storied)
        storyChild[i] = stories.children.count
        let c = children.all[i]
        stories.children.append(.init(household: Int(c.household), birthDay: c.birthDay, riskGroup: Int(c.risk)))
        let service: ServiceKind? = c.place == Place.home ? nil : Place.service(c.place)
        tell(i, .status(need: Int(c.need), service: service, waiting: Place.isWaiting(c.place)))
    }

    @inline(__always) private func tell(_ i: Int, _ event: StoryBook.Event) {
        guard children.all[i].flags & ChildFlag.storied != 0, let k = storyChild[i] else { return }
        stories.entries.append(.init(time: events.now, child: k, event: event))
    }

    // MARK: - Scheduling a child's next event

    @inline(__always) private func age(_ i: Int) -> Double { events.now - children.all[i].birthDay }

    @inline(__always) private func schedule(_ i: Int, at time: Double, _ kind: EventKind, priority: UInt8 = EventPriority.transition) {
        children.all[i].token &+= 1
        events.schedule(at: time, priority: priority, kind: kind.rawValue, subject: Int32(i), token: children.all[i].token)
    }

    /// Schedules the next event of a child at home (no service).
    private func scheduleHome(_ i: Int) {
        if children.all[i].need == 0 {
            scheduleOnset(i)
            return
        }
        if children.all[i].inAdultSupport {
            scheduleAdultSupport(i)
            return
        }
        let a = age(i)
        let rate = homeRates(i, need: Int(children.all[i].need), age: a, actual: false, into: nil)
        var time = rate > 0 ? events.now + streams.progression.exponential(mean: 1 / rate) : .infinity
        var kind = EventKind.hazard
        // Rates change with age only when school care starts to apply.
        let schoolStarts = children.has(i, ChildFlag.schoolCovered) && a < model.schoolAgeDays - 1e-7
        let supportStarts = model.schoolToWork && a < model.supportFromDays - 1e-7
        let milestone = schoolStarts ? model.schoolAgeDays : supportStarts ? model.supportFromDays : model.leavingAgeDays
        let milestoneTime = children.all[i].birthDay + milestone
        if milestoneTime <= time {
            time = milestoneTime
            kind = milestone >= model.leavingAgeDays ? .ageOut : .ageMilestone
        }
        if let contact = model.contactAges.first(where: { $0 > a + 1e-7 }) {
            let contactTime = children.all[i].birthDay + contact
            if contactTime < time {
                time = contactTime
                kind = .jgzContact
            }
        }
        schedule(i, at: time, kind)
    }

    /// Schedules the onset of a well child's next need, or its leaving if that comes
    /// first. The onset hazard is constant within an age band, so the onset time is
    /// found exactly by spending one unit-exponential draw of cumulative hazard band
    /// by band (no event is needed at band boundaries). With money problems modelled the
    /// hazard is at its upper bound, thinned in `onset`.
    private func scheduleOnset(_ i: Int) {
        let child = children.all[i]
        let multiplier = model.riskOnsetMultiplier[Int(child.risk)] * model.moneyOnsetUpper
        let relapse = child.flags & ChildFlag.relapseRisk != 0 ? model.relapsePerDay : 0
        var remaining = streams.onset.exponential(mean: 1)
        var a = age(i)
        var band = onsetBand(atAge: a)
        while a < model.leavingAgeDays {
            let rate = model.onsetPerDay[band] * multiplier + relapse
            let bandEnd = band + 1 < model.onsetBandStart.count ? min(model.onsetBandStart[band + 1], model.leavingAgeDays) : model.leavingAgeDays
            let hazardInBand = rate * (bandEnd - a)
            if remaining < hazardInBand {
                schedule(i, at: max(events.now, child.birthDay + a + remaining / rate), .hazard)
                return
            }
            remaining -= hazardInBand
            a = bandEnd
            band += 1
        }
        schedule(i, at: child.birthDay + model.leavingAgeDays, .ageOut)
    }

    /// Schedules the next event of a child on a waiting list.
    private func scheduleWaiting(_ i: Int) {
        let rate = waitingRates(i, actual: false, into: nil)
        let leaveTime = children.all[i].birthDay + model.leavingAgeDays
        let time = rate > 0 ? events.now + streams.progression.exponential(mean: 1 / rate) : .infinity
        if let transfer = jgzTransferTime(i, service: Place.service(children.all[i].place)), transfer < min(time, leaveTime) {
            schedule(i, at: transfer, .jgzTransfer)
        } else if leaveTime <= time {
            schedule(i, at: leaveTime, .ageOut)
        } else {
            schedule(i, at: time, .hazard)
        }
    }

    /// With split youth health care, when the child's early-help case moves from JGZ 0-4 to
    /// JGZ 4-18 (at school age); nil when it does not.
    @inline(__always) private func jgzTransferTime(_ i: Int, service: ServiceKind) -> Double? {
        guard model.splitJGZ, service == .jgzEarlyHelp, age(i) < model.schoolAgeDays - 1e-7 else { return nil }
        return children.all[i].birthDay + model.schoolAgeDays
    }

    /// Transitions of a child at home with a need, in this order.
    enum HomeTransition: Int { case escalate = 0, resolve, selfReferral, gp, team, school, crisis, rejected }

    /// Summed hazard of a child at home with a need. With `actual: false` the
    /// funding-dependent channels are at their upper bound (used to schedule); with
    /// `actual: true` they are at this year's funding (used to choose). Fills `rates`
    /// when given.
    @inline(__always)
    private func homeRates(_ i: Int, need: Int, age a: Double, actual: Bool, into rates: UnsafeMutableBufferPointer<Double>?) -> Double {
        let escalate = escalationRate(i, need: need, actual: actual)
        let resolve = model.resolutionPerDay[need] + (a >= model.supportFromDays - 1e-7 ? model.supportResolvePerDay : 0)
        let selfReferral = model.selfReferralPerDay[need]
        let gp = model.gpPerDay[need]
        let team = model.teamOutreachPerDay[need] * (actual ? teamFactor : 1)
        let atSchool = a >= model.schoolAgeDays - 1e-7 && children.has(i, ChildFlag.schoolCovered)
        let school = atSchool ? model.schoolDetectionPerDay[need] * (actual ? schoolFactor : 1) : 0
        let crisis = need == 3 ? model.crisisPerDaySevere : 0
        if let rates {
            rates[0] = escalate; rates[1] = resolve; rates[2] = selfReferral; rates[3] = gp
            rates[4] = team; rates[5] = school; rates[6] = crisis
        }
        return escalate + resolve + selfReferral + gp + team + school + crisis
    }

    /// Hazard that the child's need gets heavier: by risk group and, with money problems,
    /// the household's state (`actual`) or its upper bound (to schedule).
    @inline(__always) private func escalationRate(_ i: Int, need: Int, actual: Bool) -> Double {
        let money = actual ? moneyFactor(i, raised: model.moneyEscalationFactor) : model.moneyEscalationUpper
        return model.escalationPerDay[need] * model.riskEscalationMultiplier[Int(children.all[i].risk)] * money
    }

    enum WaitingTransition: Int { case escalate = 0, resolve, giveUp, crisis, indicated, rejected }

    /// Hazards of a child waiting (on a list, or in the referral step before it); `actual`
    /// as in `homeRates` (only escalation depends on it, through money problems).
    @inline(__always)
    private func waitingRates(_ i: Int, actual: Bool, into rates: UnsafeMutableBufferPointer<Double>?) -> Double {
        let need = Int(children.all[i].need)
        let escalate = escalationRate(i, need: need, actual: actual)
        let resolve = model.resolutionPerDay[need]
        let giveUp = model.giveUpPerDay
        let crisis = need == 3 ? model.crisisPerDaySevere : 0
        let indicated = children.has(i, ChildFlag.inReferralStep) ? model.referralStepPerDay[referralParts(i)] : 0
        if let rates {
            rates[0] = escalate; rates[1] = resolve; rates[2] = giveUp; rates[3] = crisis; rates[4] = indicated
        }
        return escalate + resolve + giveUp + crisis + indicated
    }

    // MARK: - Child events

    private func handleChildEvent(_ i: Int, kind: EventKind) {
        switch kind {
        case .ageOut:
            ageOut(i)
        case .ageMilestone:
            if model.schoolToWork && abs(age(i) - model.supportFromDays) < 1e-6 && inSupport(i) { supportCount += 1 }
            rescheduleAfterChange(i)
        case .jgzContact:
            jgzContact(i)
        case .careEnd:
            careEnd(i)
        case .jgzTransfer:
            transferBetweenJGZ(i)
        case .hazard:
            let place = children.all[i].place
            if Place.isWaiting(place) {
                waitingTransition(i)
            } else if children.all[i].need == 0 {
                onset(i)
            } else {
                homeTransition(i)
            }
        case .periodBoundary, .birth, .transition, .household, .outsideReferral, .outsideCareEnd, .outsideGiveUp:
            preconditionFailure("not a child event")
        }
    }

    private func rescheduleAfterChange(_ i: Int) {
        if Place.isWaiting(children.all[i].place) { scheduleWaiting(i) } else { scheduleHome(i) }
    }

    private func onset(_ i: Int) {
        if model.hasMoneyProblems && !acceptOnset(i) {
            scheduleOnset(i)
            return
        }
        children.clear(i, ChildFlag.relapseRisk)
        setNeed(i, 1)
        tell(i, .onset)
        counters.onsets += 1
        groups.onsets[Int(children.all[i].risk)] += 1
        scheduleHome(i)
    }

    /// The onset band that applies at age `a` (days).
    @inline(__always) private func onsetBand(atAge a: Double) -> Int {
        var band = 0
        while band + 1 < model.onsetBandStart.count && model.onsetBandStart[band + 1] <= a + 1e-7 { band += 1 }
        return band
    }

    /// Thinning of an onset scheduled at the upper money factor: accepted with the actual
    /// hazard over the scheduled one.
    private func acceptOnset(_ i: Int) -> Bool {
        let base = model.onsetPerDay[onsetBand(atAge: age(i))] * model.riskOnsetMultiplier[Int(children.all[i].risk)]
        let relapse = children.has(i, ChildFlag.relapseRisk) ? model.relapsePerDay : 0
        let upper = base * model.moneyOnsetUpper + relapse
        let actual = base * moneyFactor(i, raised: model.moneyOnsetFactor) + relapse
        return actual >= upper || streams.onset.uniform() * upper < actual
    }

    private func homeTransition(_ i: Int) {
        if children.all[i].inAdultSupport {
            adultSupportTransition(i)
            return
        }
        let need = Int(children.all[i].need)
        let a = age(i)
        let chosen: HomeTransition = withUnsafeTemporaryAllocation(of: Double.self, capacity: 8) { rates in
            let actual = homeRates(i, need: need, age: a, actual: true, into: rates)
            let upper = homeRates(i, need: need, age: a, actual: false, into: nil)
            rates[7] = max(0, upper - actual)
            return HomeTransition(rawValue: streams.progression.index(weights: UnsafeBufferPointer(rates), total: upper))!
        }
        switch chosen {
        case .escalate:
            escalate(i, need: need)
            scheduleHome(i)
        case .resolve:
            resolveSpontaneously(i)
            scheduleHome(i)
        case .selfReferral: noticed(i, by: .selfReferral)
        case .gp: noticed(i, by: .gp)
        case .team: noticed(i, by: .team)
        case .school: noticed(i, by: .school)
        case .crisis: crisis(i)
        case .rejected: scheduleHome(i)
        }
    }

    private func waitingTransition(_ i: Int) {
        let need = Int(children.all[i].need)
        let chosen: WaitingTransition = withUnsafeTemporaryAllocation(of: Double.self, capacity: 6) { rates in
            let actual = waitingRates(i, actual: true, into: rates)
            let upper = model.hasMoneyProblems ? waitingRates(i, actual: false, into: nil) : actual
            rates[5] = max(0, upper - actual)
            return WaitingTransition(rawValue: streams.progression.index(weights: UnsafeBufferPointer(rates), total: upper))!
        }
        switch chosen {
        case .escalate:
            // Waiting does not stop a need from getting heavier; the child keeps its place in the queue.
            escalate(i, need: need)
            scheduleWaiting(i)
        case .resolve:
            leaveQueue(i)
            resolveSpontaneously(i)
            scheduleHome(i)
        case .giveUp:
            leaveQueue(i)
            tell(i, .gaveUp)
            counters.gaveUp += 1
            scheduleHome(i)
        case .crisis:
            leaveQueue(i)
            crisis(i)
        case .rejected:
            scheduleWaiting(i)
        case .indicated:
            // The referral step is done: now the child joins the service's waiting list.
            let service = Place.service(children.all[i].place)
            children.clear(i, ChildFlag.inReferralStep)
            referralStepCount -= 1
            refer(i, to: service)
        }
    }

    private func escalate(_ i: Int, need: Int) {
        setNeed(i, need + 1)
        tell(i, .escalated(to: need + 1))
        counters.escalations += 1
    }

    private func resolveSpontaneously(_ i: Int) {
        setNeed(i, 0)
        tell(i, .resolvedByItself)
        counters.resolved += 1
    }

    private func jgzContact(_ i: Int) {
        let need = Int(children.all[i].need)
        let yhc = model.parameters.services.youthHealthCare
        let p = yhc.reach * jgzReachFactor * model.jgzDetection[need]
        // Without early help (none funded), a light need seen at a contact gets advice, not help.
        let canHelp = need > 1 || resources[ServiceKind.jgzEarlyHelp.rawValue].capacity > 0
        if streams.detection.bernoulli(p) && canHelp {
            noticed(i, by: .jgz)
        } else {
            scheduleHome(i)
        }
    }

    private func crisis(_ i: Int) {
        if children.all[i].noticedAt < 0 { children.all[i].noticedAt = Float(events.now) }
        tell(i, .crisis)
        counters.crises += 1
        groups.crises[Int(children.all[i].risk)] += 1
        counters.newEpisodes[Channel.crisis.rawValue] += 1
        refer(i, to: .youthProtection)
    }

    /// A need is noticed: count the new episode and route it.
    private func noticed(_ i: Int, by channel: Channel) {
        children.all[i].noticedAt = Float(events.now)
        tell(i, .noticed(channel))
        counters.newEpisodes[channel.rawValue] += 1
        let service = route(i, channel: channel)
        switch channel {
        case .gp:
            counters.referralsGP += 1
            referOn(i, to: service, indication: true)
        case .jgz where service == .neighbourhoodTeam, .school where service == .neighbourhoodTeam:
            referOn(i, to: service, indication: false)
        case .selfReferral where model.separateTeams:
            // Separate teams: the family's request reaches the youth team through the household team.
            referOn(i, to: service, indication: false)
        default:
            refer(i, to: service)
        }
    }

    /// Where a newly noticed need goes, by channel and severity.
    private func route(_ i: Int, channel: Channel) -> ServiceKind {
        let need = Int(children.all[i].need)
        switch channel {
        case .jgz:
            return need == 1 ? .jgzEarlyHelp : .neighbourhoodTeam
        case .school:
            return need < 3 ? .schoolCare : .neighbourhoodTeam
        case .team, .selfReferral:
            return .neighbourhoodTeam
        case .gp:
            return specialised(need: need, residentialShare: model.parameters.services.generalPractitioner.residentialShareOfSevereReferrals)
        case .crisis:
            return .youthProtection
        }
    }

    /// Ambulant or residential care for a referral; a consortium over its population
    /// budget keeps severe needs in ambulant care (lighter, cheaper).
    private func specialised(need: Int, residentialShare: Double) -> ServiceKind {
        need == 3 && streams.routing.bernoulli(residentialShare) && !consortiumOverBudget ? .residential : .specialisedAmbulant
    }

    // MARK: - Queues and care

    /// A referral to another organisation: through the referral step when it has a length
    /// (the indication, for the routes that need one, and the hand-over; needs keep
    /// progressing meanwhile), then onto the service's waiting list.
    private func referOn(_ i: Int, to service: ServiceKind, indication: Bool) {
        if indication && model.hasIndication {
            children.set(i, ChildFlag.referralIndication)
            counters.indications += 1
        }
        if model.hasHandover {
            children.set(i, ChildFlag.referralHandover)
            counters.handovers += 1
        }
        guard model.referralStepPerDay[referralParts(i)] > 0 else {
            refer(i, to: service)
            return
        }
        children.set(i, ChildFlag.inReferralStep)
        referralStepCount += 1
        setPlace(i, Place.waiting(service))
        scheduleWaiting(i)
    }

    /// The parts of the child's current referral (bit 0: indication, bit 1: hand-over).
    @inline(__always) private func referralParts(_ i: Int) -> Int {
        (children.has(i, ChildFlag.referralIndication) ? 1 : 0) | (children.has(i, ChildFlag.referralHandover) ? 2 : 0)
    }

    /// Starts care at once if a place is free, otherwise joins the waiting list.
    private func refer(_ i: Int, to service: ServiceKind) {
        let r = service.rawValue
        if resources[r].tryAcquire() {
            startCare(i, service, waited: 0)
            return
        }
        children.all[i].ticket &+= 1
        let level = resources[r].queue.levelCount > 1 ? Int(children.all[i].need) - 1 : 0
        resources[r].queue.push(QueueEntry(subject: Int32(i), ticket: children.all[i].ticket, enqueuedAt: events.now), level: level)
        setPlace(i, Place.waiting(service))
        tell(i, .waiting(service))
        scheduleWaiting(i)
    }

    private func leaveQueue(_ i: Int) {
        let service = Place.service(children.all[i].place)
        children.all[i].noticedAt = -1
        children.clear(i, ChildFlag.referralIndication | ChildFlag.referralHandover)
        if children.has(i, ChildFlag.inReferralStep) {
            // Still in the referral step: not on the list yet.
            children.clear(i, ChildFlag.inReferralStep)
            referralStepCount -= 1
            children.all[i].ticket &+= 1
            setPlace(i, Place.home)
            return
        }
        resources[service.rawValue].queue.withdraw()
        children.all[i].ticket &+= 1
        setPlace(i, Place.home)
    }

    private func startCare(_ i: Int, _ service: ServiceKind, waited: Double) {
        let r = service.rawValue
        setPlace(i, Place.inCare(service))
        tell(i, .started(service, waitedDays: waited))
        let noticedAt = children.all[i].noticedAt
        if noticedAt >= 0 {
            // The first care since the need was noticed: time to help.
            let days = max(0, events.now - Double(noticedAt))
            counters.helped += 1
            counters.daysToHelp += days
            if age(i) >= model.schoolAgeDays {
                counters.helpedSchoolAge += 1
                counters.daysToHelpSchoolAge += days
            }
            children.all[i].noticedAt = -1
        }
        counters.starts[r] += 1
        counters.waitDays[r] += waited
        if service == .youthProtection && streams.careOutcome.bernoulli(model.parameters.services.youthProtection.placementProbability) {
            children.set(i, ChildFlag.placed)
            tell(i, .placed)
            placedCount += 1
            counters.placements += 1
        }
        countUser(i)
        // After a hand-over the receiving organisation does its own intake first.
        let intake = children.has(i, ChildFlag.referralHandover) ? model.duplicateIntakeDays : 0
        children.clear(i, ChildFlag.referralIndication | ChildFlag.referralHandover)
        scheduleCareEnd(i, service, extraDays: intake)
    }

    /// Counts the child once per budget year as a user of each kind of care it is in.
    func countUser(_ i: Int) {
        let place = children.all[i].place
        guard Place.isInCare(place) else { return }
        var marks: UInt8 = 0
        switch Place.service(place) {
        case .neighbourhoodTeam, .specialisedAmbulant: marks = UserMark.youthHelp
        case .residential: marks = UserMark.youthHelp | UserMark.stay
        case .youthProtection: marks = UserMark.protection | (children.has(i, ChildFlag.placed) ? UserMark.youthHelp | UserMark.stay : 0)
        case .jgzEarlyHelp, .schoolCare: return
        }
        let new = marks & ~children.all[i].yearMarks
        guard new != 0 else { return }
        children.all[i].yearMarks |= new
        if new & UserMark.youthHelp != 0 { counters.youthHelpUsers += 1 }
        if new & UserMark.stay != 0 { counters.stayUsers += 1 }
        if new & UserMark.protection != 0 { counters.protectionUsers += 1 }
    }

    private func scheduleCareEnd(_ i: Int, _ service: ServiceKind, extraDays: Double = 0) {
        let length = model.durations[service.rawValue].sample(streams.careDuration)
        if service == .specialisedAmbulant || service == .residential {
            counters.specialisedEpisodes[service.rawValue] += 1
            counters.specialisedEpisodeDays += length
        }
        let end = events.now + extraDays + length
        // Care running at the leaving age may continue up to the continuation age.
        let leaveTime = children.all[i].birthDay + model.continuationAgeDays
        if let transfer = jgzTransferTime(i, service: service), transfer < end {
            schedule(i, at: transfer, .jgzTransfer)
        } else if leaveTime <= end {
            schedule(i, at: leaveTime, .ageOut)
        } else {
            schedule(i, at: end, .careEnd, priority: EventPriority.release)
        }
    }

    /// Frees the child's place and offers it to the waiting list.
    private func leaveCare(_ i: Int) {
        let service = Place.service(children.all[i].place)
        if children.has(i, ChildFlag.placed) {
            children.clear(i, ChildFlag.placed)
            placedCount -= 1
        }
        setPlace(i, Place.home)
        resources[service.rawValue].release()
        admitFromQueue(service)
    }

    func admitFromQueue(_ service: ServiceKind) {
        let r = service.rawValue
        let waitingPlace = Place.waiting(service)
        // The closure reads `self.children` when called; capturing a copy would make the
        // writes below copy the whole table.
        while let entry = resources[r].admitNext(isLive: { e in
            e.subject < 0 ? self.outsideIsLive(e)
                : self.children.all[Int(e.subject)].ticket == e.ticket && self.children.all[Int(e.subject)].place == waitingPlace
        }) {
            if entry.subject < 0 {
                admitOutside(entry)
                continue
            }
            let j = Int(entry.subject)
            children.all[j].ticket &+= 1
            startCare(j, service, waited: events.now - entry.enqueuedAt)
        }
    }

    private func careEnd(_ i: Int) {
        let service = Place.service(children.all[i].place)
        let need = Int(children.all[i].need)
        let resolved = streams.careOutcome.bernoulli(model.resolveProbability[service.rawValue][need])
        tell(i, .ended(service, resolved: resolved))
        if resolved {
            setNeed(i, 0)
            counters.resolved += 1
            counters.resolvedInCare += 1
        }
        if age(i) >= model.leavingAgeDays - 1e-7 {
            // Care continued past the leaving age has ended: the young person leaves.
            ageOut(i)
            return
        }
        if resolved {
            leaveCare(i)
            children.set(i, ChildFlag.relapseRisk)
            scheduleHome(i)
            return
        }
        // Not resolved: step up, or continue in the same place.
        switch service {
        case .jgzEarlyHelp, .schoolCare:
            leaveCare(i)
            referOn(i, to: .neighbourhoodTeam, indication: false)
        case .neighbourhoodTeam:
            leaveCare(i)
            counters.referralsTeam += 1
            referOn(i, to: specialised(need: need, residentialShare: model.parameters.services.neighbourhoodTeam.residentialShareOfSevereReferrals), indication: true)
        case .specialisedAmbulant where need == 3 && !consortiumOverBudget:
            leaveCare(i)
            referOn(i, to: .residential, indication: false)
        case .specialisedAmbulant, .residential, .youthProtection:
            scheduleCareEnd(i, service)
        }
    }

    /// Split youth health care: at school age JGZ 0-4 hands the early-help case (helped or
    /// waiting) to JGZ 4-18. Some cases are lost: the child goes home, the need unnoticed.
    /// The others go through the hand-over step onto the 4-18 organisation's list (the
    /// early-help places are one pool, paid from one JGZ budget).
    private func transferBetweenJGZ(_ i: Int) {
        let noticedAt = children.all[i].noticedAt
        if Place.isWaiting(children.all[i].place) { leaveQueue(i) } else { leaveCare(i) }
        counters.jgzTransfers += 1
        let lost = streams.jgzTransfer.bernoulli(model.parameters.services.youthHealthCare.transferLoss)
        tell(i, .transferredBetweenJGZ(lost: lost))
        if lost {
            counters.jgzTransfersLost += 1
            scheduleHome(i)
        } else {
            children.all[i].noticedAt = noticedAt
            referOn(i, to: .jgzEarlyHelp, indication: false)
        }
    }

    // MARK: - School-to-work support past the leaving age

    /// Whether the young person counts as a participant of school-to-work support: at home
    /// with a need from the support's starting age (and past the leaving age, in it).
    @inline(__always) private func inSupport(_ i: Int) -> Bool {
        let c = children.all[i]
        return model.schoolToWork && c.place == Place.home && c.need > 0
            && (c.inAdultSupport || events.now - c.birthDay >= model.supportFromDays - 1e-7)
    }

    /// Keeps `supportCount` in step after a change to the young person's need or place.
    @inline(__always) private func updateSupportCount(_ i: Int, was: Bool) {
        guard model.schoolToWork else { return }
        supportCount += (inSupport(i) ? 1 : 0) - (was ? 1 : 0)
    }

    /// At the leaving age, a young person with a need who is not in care stays in
    /// school-to-work support (leaving any youth-care waiting list). Returns whether they stayed.
    private func enterAdultSupport(_ i: Int) -> Bool {
        let c = children.all[i]
        guard model.schoolToWork, !c.inAdultSupport, c.need > 0, !Place.isInCare(c.place),
              model.supportUntilDays > age(i) + 1e-7 else { return false }
        if Place.isWaiting(c.place) { leaveQueue(i) }
        // No longer an unnoticed need: the support knows it.
        let g = Int(c.risk)
        undetectedCount -= 1
        groups.undetected[g] -= 1
        children.all[i].inAdultSupport = true
        adultSupportCount += 1
        counters.supportEntrants += 1
        tell(i, .continuedInSchoolToWork)
        scheduleAdultSupport(i)
        return true
    }

    /// Past the leaving age only the need's own course and the support act (no youth service).
    private func adultSupportRates(_ i: Int, actual: Bool) -> (escalate: Double, resolve: Double) {
        let need = Int(children.all[i].need)
        return (escalationRate(i, need: need, actual: actual), model.resolutionPerDay[need] + model.supportResolvePerDay)
    }

    private func scheduleAdultSupport(_ i: Int) {
        let r = adultSupportRates(i, actual: false)
        let rate = r.escalate + r.resolve
        let time = rate > 0 ? events.now + streams.progression.exponential(mean: 1 / rate) : .infinity
        let until = children.all[i].birthDay + model.supportUntilDays
        if until <= time { schedule(i, at: until, .ageOut) } else { schedule(i, at: time, .hazard) }
    }

    private func adultSupportTransition(_ i: Int) {
        let upper = adultSupportRates(i, actual: false), actual = adultSupportRates(i, actual: true)
        let u = streams.progression.uniform() * (upper.escalate + upper.resolve)
        if u < actual.resolve {
            setNeed(i, 0)
            tell(i, .resolvedInSchoolToWork)
            counters.resolved += 1
            ageOut(i)
        } else if u < actual.resolve + actual.escalate {
            escalate(i, need: Int(children.all[i].need))
            scheduleAdultSupport(i)
        } else {
            scheduleAdultSupport(i)
        }
    }

    private func ageOut(_ i: Int) {
        if enterAdultSupport(i) { return }
        let place = children.all[i].place
        if age(i) > model.leavingAgeDays + 1e-7 {
            if children.all[i].inAdultSupport {
                counters.leftAfterSupport += 1
                adultSupportCount -= 1
            } else {
                counters.leftAfterContinuedCare += 1
            }
        }
        let group = Int(children.all[i].risk)
        tell(i, .left(withNeed: children.all[i].need > 0))
        storyChild[i] = nil
        if children.all[i].need > 0 {
            counters.agedOutWithNeed += 1
            groups.agedOutWithNeed[group] += 1
        }
        if Place.isWaiting(place) {
            leaveQueue(i)
        } else if Place.isInCare(place) {
            leaveCare(i)
        }
        setNeed(i, 0)
        if model.hasMoneyProblems { householdLost(Int(children.all[i].household)) }
        children.remove(i)
        aliveCount -= 1
        groups.integrate(group, until: events.now)
        groups.alive[group] -= 1
        left += 1
        counters.leavers += 1
    }

    // MARK: - Transition

    /// On the transition date the new teams take over: their productivity drops (it
    /// recovers period by period), and unless continuity is guaranteed a share of the
    /// cases in specialised care is lost in the hand-over: the child goes home and the
    /// need is no longer known to anyone.
    private func handOver() {
        // The new teams start with part of their staff in post (hiring brings the rest).
        teamStaffedPlaces = min(teamStaffedPlaces, model.parameters.policies.transition.teamStartStaffing * Double(fundedTeamPlaces))
        applyTeamProductivity()
        let t = model.parameters.policies.transition
        guard !t.continuityGuaranteed && t.handoverLoss > 0 else { return }
        let specialised = [Place.inCare(.specialisedAmbulant), Place.inCare(.residential)]
        for i in children.all.indices where children.has(i, ChildFlag.alive) && specialised.contains(children.all[i].place) {
            if streams.transition.bernoulli(t.handoverLoss) {
                // A young person past the leaving age (in continued care) leaves; a child goes home.
                tell(i, .lostInHandover)
                if age(i) >= model.leavingAgeDays - 1e-7 {
                    ageOut(i)
                } else {
                    leaveCare(i)
                    scheduleHome(i)
                }
            }
        }
    }

    /// Team places = the staff in post (places' worth) x the teams' current productivity.
    /// Staff follow the funded places down at once, but up only as fast as hiring allows.
    func applyTeamProductivity() {
        let t = model.parameters.policies.transition
        let hired = model.teamHiringPlacesPerDay * (events.now - lastStaffingUpdate)
        teamStaffedPlaces = min(Double(fundedTeamPlaces), teamStaffedPlaces + hired)
        lastStaffingUpdate = events.now
        let productivity = t.teamProductivity(daysSinceTransition: events.now - model.transitionDay)
        resources[ServiceKind.neighbourhoodTeam.rawValue].setCapacity(Int((teamStaffedPlaces * productivity).rounded(.down)))
        admitFromQueue(.neighbourhoodTeam)
    }

    // MARK: - Stocks

    /// The only place a child's need changes, so the stocks stay consistent.
    @inline(__always) private func setNeed(_ i: Int, _ newNeed: Int) {
        let old = Int(children.all[i].need)
        guard old != newNeed else { return }
        let g = Int(children.all[i].risk)
        needCount[old] -= 1
        needCount[newNeed] += 1
        weightedNeed += model.burdenWeight[newNeed] - model.burdenWeight[old]
        groups.integrate(g, until: events.now)
        groups.weightedNeed[g] += model.burdenWeight[newNeed] - model.burdenWeight[old]
        groups.severe[g] += (newNeed == 3 ? 1 : 0) - (old == 3 ? 1 : 0)
        let wasInSupport = inSupport(i)
        defer { updateSupportCount(i, was: wasInSupport) }
        if children.all[i].place == Place.home && !children.all[i].inAdultSupport {
            let change = (newNeed > 0 ? 1 : 0) - (old > 0 ? 1 : 0)
            undetectedCount += change
            groups.undetected[g] += change
        }
        children.all[i].need = UInt8(newNeed)
    }

    /// The only place a child's place changes.
    @inline(__always) private func setPlace(_ i: Int, _ newPlace: UInt8) {
        let old = children.all[i].place
        let wasInSupport = inSupport(i)
        defer { updateSupportCount(i, was: wasInSupport) }
        if Place.isInCare(old) || Place.isInCare(newPlace) { updateHouseholdCare(i, from: old, to: newPlace) }
        if children.all[i].need > 0 {
            let change = (newPlace == Place.home ? 1 : 0) - (old == Place.home ? 1 : 0)
            undetectedCount += change
            groups.undetected[Int(children.all[i].risk)] += change
        }
        children.all[i].place = newPlace
    }

    /// Keeps the household's provider count (and the totals over households) in step.
    private func updateHouseholdCare(_ i: Int, from old: UInt8, to new: UInt8) {
        let h = Int(children.all[i].household)
        let before = providers(householdCare[h])
        if Place.isInCare(old) { householdCare[h].add(Place.service(old), -1) }
        if Place.isInCare(new) { householdCare[h].add(Place.service(new), 1) }
        providerTally.change(from: before, to: providers(householdCare[h]))
    }

    /// Providers a household deals with at once: one per episode outside the team, the
    /// team (one or two) for all its children in team care; at most the coordination cap.
    @inline(__always) private func providers(_ care: HouseholdCare) -> Int {
        min(model.maxProvidersPerHousehold, Int(care.otherEpisodes) + (care.teamChildren > 0 ? model.teamProviders : 0))
    }

    @inline(__always) private func advanceIntegrals(to time: Double) {
        let dt = time - integrals.lastTime
        guard dt > 0 else { return }
        for r in 0..<Self.serviceCount {
            integrals.careDays[r] += Double(resources[r].inUse - outside.inCare[r]) * dt
        }
        integrals.placedDays += Double(placedCount) * dt
        integrals.weightedNeedDays += weightedNeed * dt
        integrals.childDays += Double(aliveCount) * dt
        integrals.supportDays += Double(supportCount) * dt
        integrals.lastTime = time
    }
}
