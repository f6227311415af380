import Stochastics

/// Days per year used to turn yearly hazards and ages into days.
public let daysPerYear = 365.25

/// The parameters turned into what the event loop needs: hazards per day indexed by
/// need code (0 = none ... 3 = severe), ages in days, durations as distributions.
/// Built once per run and shared read-only by all replications.
public struct CompiledModel: Sendable {
    public let parameters: ModelParameters

    let startDay: Int
    let endDay: Double
    /// Period boundaries in days from the start (first is 0, last is `endDay`).
    let periodBoundaries: [Double]
    let periodStartDates: [CalendarDate]
    let warmupDay: Double
    /// The transition date, in days from the start (may be before the start or after the end).
    let transitionDay: Double

    let leavingAgeDays: Double
    /// Age (days) until which care that was running at the leaving age may continue.
    let continuationAgeDays: Double
    let schoolAgeDays: Double
    // The hazards below are `var` only so that `hazardCeiling()` can raise them; nothing else writes them.

    /// Onset bands: start age (days) and hazard per day.
    let onsetBandStart: [Double]
    var onsetPerDay: [Double]
    var riskOnsetMultiplier: [Double]
    var riskEscalationMultiplier: [Double]
    let riskShares: [Double]
    let householdSizeShares: [Double]
    let meanHouseholdSize: Double
    let contactAges: [Double]

    var escalationPerDay: [Double]
    var resolutionPerDay: [Double]
    var selfReferralPerDay: [Double]
    var gpPerDay: [Double]
    var teamOutreachPerDay: [Double]
    var schoolDetectionPerDay: [Double]
    var crisisPerDaySevere: Double
    var relapsePerDay: Double
    var giveUpPerDay: Double
    /// Rate per day at which the referral step ends, indexed by its parts (bit 0:
    /// indication, bit 1: hand-over); 0 when the step has no length.
    var referralStepPerDay: [Double]
    /// As `referralStepPerDay`, with the indication body's step (policies.old_regime) as the indication.
    var oldRegimeReferralStepPerDay: [Double]
    /// The low threshold's full factor on the team channels (policies.open_entitlement);
    /// in the hazard ceiling, the largest over all dates.
    var accessFactor: Double
    /// The largest factor induced referrals can put on the GP channel (1 + induced_referrals
    /// x max_extra_fraction); in the hazard ceiling, the largest over all dates.
    var inducedReferralUpper: Double
    /// Whether referrals from the team or a GP include an indication step; whether moves
    /// between organisations include a hand-over step or a duplicate intake.
    let hasIndication: Bool
    let hasHandover: Bool
    /// Days of the receiving organisation's own intake after a hand-over.
    let duplicateIntakeDays: Double
    /// Providers a household has at once at most (Int.max without coordination).
    let maxProvidersPerHousehold: Int
    /// Team places' worth of staff that can be hired per day (policies.transition.hiring_per_year x the baseline's team places).
    let teamHiringPlacesPerDay: Double
    /// Separate youth and household teams (else one integrated team).
    let separateTeams: Bool
    /// Providers of a household's team care: 1 (integrated team) or 2 (youth and household team).
    let teamProviders: Int
    let burdenWeight: [Double]
    let jgzDetection: [Double]

    /// Youth health care split into a 0-4 and a 4-18 organisation (the early-help cases move at school age).
    let splitJGZ: Bool
    /// The levers in `Levers/` that meet the replication through the seam (`LeverSeam`).
    var levers: CompiledLevers

    /// Per service (indexed by ServiceKind.rawValue); specialised care's under the financing model's incentive.
    let durations: [DurationDistribution]
    /// Price of one episode of specialised care under per-trajectory financing: the tariff x
    /// the mean duration under per-day payment (0 for other services).
    let trajectoryPrice: [Double]
    let resolveProbability: [[Double]]
    let birthsPerDay: Double

    /// The twin's expected state at the start, sampled into the initial children (nil:
    /// every child starts well).
    private(set) var settledStart: SettledStart?

    /// Dated values (`ModelParameters.dated`): the sets in force from later dates, and
    /// the day (from the start) each takes over. Empty when every value is plain.
    let laterSets: [CompiledModel]
    let changeDays: [Double]
    var isDated: Bool { !laterSets.isEmpty }

    /// Throws a `DistributionError` for a duration the scenario's checks should have
    /// refused, and a `ModelError` for a count that does not fit a whole number (every
    /// conversion from `Double` to `Int` is checked here or once per budget year, never per event).
    public init(_ p: ModelParameters) throws {
        try self.init(p, isFirstSet: true)
    }

    private init(_ written: ModelParameters, isFirstSet: Bool) throws {
        let p = written.atItsPrices
        parameters = p
        startDay = p.horizon.start.daysSinceEpoch
        endDay = Double(p.horizon.end.daysSinceEpoch - startDay)
        warmupDay = Double(p.horizon.warmupUntil.daysSinceEpoch - startDay)
        transitionDay = Double(p.policies.transition.date.daysSinceEpoch - startDay)
        var boundaries: [Double] = []
        var dates: [CalendarDate] = []
        var k = 0
        while true {
            let date = p.horizon.start.firstOfMonth(adding: k * p.experiment.outputInterval.months)
            if date >= p.horizon.end {
                boundaries.append(endDay)
                break
            }
            boundaries.append(Double(date.daysSinceEpoch - startDay))
            dates.append(date)
            k += 1
        }
        periodBoundaries = boundaries
        periodStartDates = dates

        let pop = p.population
        let needs = pop.needs
        func perDay(_ v: PerSeverity<Double>) -> [Double] { v.byNeedCode(none: 0).map { $0 / daysPerYear } }
        let leaving = pop.leavingAge * daysPerYear
        let schoolAge = pop.schoolAgeFrom * daysPerYear
        let bandStarts = needs.onset.map { $0.fromAge * daysPerYear }
        leavingAgeDays = leaving
        continuationAgeDays = pop.continueCareUntilAge * daysPerYear
        schoolAgeDays = schoolAge
        onsetBandStart = bandStarts
        // The onset factor is compiled into the rates, as the recognition factor below.
        onsetPerDay = needs.onset.map { $0.perYear * needs.onsetFactor / daysPerYear }
        riskOnsetMultiplier = pop.riskGroups.map(\.onsetMultiplier)
        riskEscalationMultiplier = pop.riskGroups.map(\.escalationMultiplier)
        riskShares = pop.riskGroups.map(\.share)
        householdSizeShares = pop.householdSizeShares
        let shareSum = pop.householdSizeShares.reduce(0, +)
        meanHouseholdSize = pop.householdSizeShares.enumerated().reduce(0) { $0 + Double($1.offset + 1) * $1.element } / shareSum
        contactAges = p.services.youthHealthCare.contactAgesYears.map { $0 * daysPerYear }.sorted()

        escalationPerDay = [0, needs.escalationPerYear.light / daysPerYear, needs.escalationPerYear.moderate / daysPerYear, 0]
        resolutionPerDay = perDay(needs.spontaneousResolutionPerYear)
        // The recognition factor scales the two doors a family goes through itself (asking,
        // the GP) for light and moderate needs (a severe need was seen in 2000 as in 2015);
        // compiled into the rates, so hazards, their ceiling and the twin follow it.
        let recognised = [1, needs.recognitionFactor, needs.recognitionFactor, 1]
        selfReferralPerDay = zip(perDay(needs.selfReferralPerYear), recognised).map { $0 * $1 }
        gpPerDay = zip(perDay(p.services.generalPractitioner.detectionPerYear), recognised).map { $0 * $1 }
        teamOutreachPerDay = perDay(p.services.neighbourhoodTeam.outreachPerYear)
        schoolDetectionPerDay = perDay(p.services.schoolCare.detectionPerYear)
        crisisPerDaySevere = needs.crisisPerYearSevere / daysPerYear
        relapsePerDay = needs.relapsePerYear / daysPerYear
        giveUpPerDay = p.policies.giveUpPerYear / daysPerYear
        let policies = p.policies
        let handoverFactor = policies.coordination.enabled ? policies.coordination.handoverFactor : 1
        let handoverDays = policies.handover.meanDays * handoverFactor
        duplicateIntakeDays = policies.handover.duplicateIntakeDays * handoverFactor
        hasIndication = policies.indicationMeanDays > 0
        hasHandover = handoverDays > 0 || duplicateIntakeDays > 0
        func stepRates(indicationDays: Double) -> [Double] {
            (0..<4).map { parts in
                let days = (parts & 1 != 0 ? indicationDays : 0) + (parts & 2 != 0 ? handoverDays : 0)
                return days > 0 ? 1 / days : 0
            }
        }
        referralStepPerDay = stepRates(indicationDays: policies.indicationMeanDays)
        oldRegimeReferralStepPerDay = stepRates(indicationDays: policies.oldRegime.indicationMeanDays)
        accessFactor = max(1, policies.openEntitlement.accessFactor)
        inducedReferralUpper = 1 + p.services.capacityGrowth.inducedReferrals * p.services.capacityGrowth.maxExtraFraction
        maxProvidersPerHousehold = policies.coordination.enabled ? policies.coordination.maxProvidersPerHousehold : .max
        separateTeams = p.services.neighbourhoodTeam.organisation == .separate
        teamProviders = separateTeams ? 2 : 1
        let team = p.services.neighbourhoodTeam
        let baselineTeamPlaces = team.budgetShare * p.budget.baselineEurPerYear / team.staffing.costPerFteEurPerYear * team.staffing.caseloadPerFte
        teamHiringPlacesPerDay = policies.transition.hiringPerYear * baselineTeamPlaces / daysPerYear
        burdenWeight = needs.burdenWeights.byNeedCode(none: 0)
        jgzDetection = p.services.youthHealthCare.detectionProbability.byNeedCode(none: 0)

        let s = p.services
        func make(_ d: DurationSpec) throws(DistributionError) -> DurationDistribution {
            try DurationDistribution.make(kind: d.distribution, mean: d.meanDays, spread: d.spread)
        }
        func incentive(_ d: DurationSpec) -> DurationSpec {
            var changed = d
            changed.meanDays *= s.specialisedFinancing.durationFactor
            return changed
        }
        durations = [
            try make(s.youthHealthCare.earlyHelpDuration),
            try make(s.schoolCare.duration),
            try make(s.neighbourhoodTeam.duration),
            try make(incentive(s.specialisedAmbulant.duration)),
            try make(incentive(s.residential.duration)),
            try make(s.youthProtection.duration),
        ]
        levers = try CompiledLevers(p)
        splitJGZ = s.youthHealthCare.organisation == .split
        /// A per-service array (ServiceKind order) with values for specialised care only.
        func specialisedOnly(ambulant: Double, residential: Double) -> [Double] {
            ServiceKind.allCases.map { $0 == .specialisedAmbulant ? ambulant : $0 == .residential ? residential : 0 }
        }
        trajectoryPrice = specialisedOnly(ambulant: s.specialisedAmbulant.tariffEurPerDay * s.specialisedAmbulant.duration.meanDays,
                                          residential: s.residential.tariffEurPerDay * s.residential.duration.meanDays)
        let eh = s.youthHealthCare.earlyHelpResolveProbability
        let yp = s.youthProtection.resolveProbability
        resolveProbability = [
            [0, eh, eh, eh],
            s.schoolCare.resolveProbability.byNeedCode(none: 0),
            s.neighbourhoodTeam.resolveProbability.byNeedCode(none: 0),
            s.specialisedAmbulant.resolveProbability.byNeedCode(none: 0),
            s.residential.resolveProbability.byNeedCode(none: 0),
            [0, yp, yp, yp],
        ]
        try Self.checkYearAllocations(p)
        birthsPerDay = Double(pop.children) / leaving
        let changes = p.dated?.changes ?? []
        laterSets = try changes.map { try CompiledModel($0.parameters, isFirstSet: false) }
        changeDays = changes.map { Double($0.date.daysSinceEpoch - p.horizon.start.daysSinceEpoch) }
        if isFirstSet && p.horizon.initialState == .settled {
            do { settledStart = try MeanFieldTwin.steadyState(self) } catch {
                throw DistributionError.invalid("the settled start (horizon.initial_state: settled) could not be computed: \(error); try initial_state: all_well")
            }
        }
    }

    public var periodCount: Int { periodStartDates.count }

    /// The set in force on `day` (from the start).
    func set(onDay day: Double) -> CompiledModel {
        guard let k = changeDays.lastIndex(where: { $0 <= day + sameInstantDays }) else { return self }
        return laterSets[k]
    }

    /// This set with every hazard raised to its largest value over all dates: events are
    /// scheduled at these rates and thinned to the rates in force when they fire, so a
    /// change of rates never reschedules anyone. Without dated values, the set itself.
    func hazardCeiling() -> CompiledModel {
        var c = self
        func top(_ a: inout [Double], _ b: [Double]) { for k in a.indices { a[k] = max(a[k], b[k]) } }
        for s in laterSets {
            top(&c.onsetPerDay, s.onsetPerDay)
            top(&c.riskOnsetMultiplier, s.riskOnsetMultiplier)
            top(&c.riskEscalationMultiplier, s.riskEscalationMultiplier)
            top(&c.escalationPerDay, s.escalationPerDay)
            top(&c.resolutionPerDay, s.resolutionPerDay)
            top(&c.selfReferralPerDay, s.selfReferralPerDay)
            top(&c.gpPerDay, s.gpPerDay)
            top(&c.teamOutreachPerDay, s.teamOutreachPerDay)
            top(&c.schoolDetectionPerDay, s.schoolDetectionPerDay)
            top(&c.referralStepPerDay, s.referralStepPerDay)
            top(&c.oldRegimeReferralStepPerDay, s.oldRegimeReferralStepPerDay)
            c.accessFactor = max(c.accessFactor, s.accessFactor)
            c.inducedReferralUpper = max(c.inducedReferralUpper, s.inducedReferralUpper)
            c.crisisPerDaySevere = max(c.crisisPerDaySevere, s.crisisPerDaySevere)
            c.relapsePerDay = max(c.relapsePerDay, s.relapsePerDay)
            c.giveUpPerDay = max(c.giveUpPerDay, s.giveUpPerDay)
            c.levers.raise(to: s.levers)
        }
        return c
    }

    /// Makes every budget year's allocation once at the start population (the twin's
    /// years exactly), and checks the largest specialised place counts a replication can
    /// ask for (a population up to the child table's limit of 2^31, the full extra places
    /// of capacity growth), so that a place count that does not fit is found here, before
    /// any replication runs.
    static func checkYearAllocations(_ p: ModelParameters) throws(ModelError) {
        for year in p.horizon.start.year...p.horizon.end.year {
            _ = try YearAllocation(checkedYear: year, parameters: p, children: p.population.children)
        }
        let s = p.services
        let largestThousands = Double(Int32.max) / 1000 * (1 + s.capacityGrowth.maxExtraFraction)
        _ = try checkedInt(s.specialisedAmbulant.placesPer1000Children * largestThousands, "the largest specialised_ambulant place count")
        _ = try checkedInt(s.residential.placesPer1000Children * largestThousands, "the largest residential place count")
    }
}

/// Days: two ages or times closer than this are the same instant. Ages are sums of
/// floating-point days, so "has the child reached age a?" compares with this margin.
let sameInstantDays = 1e-7
