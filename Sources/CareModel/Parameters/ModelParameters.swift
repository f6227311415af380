/// Every parameter of one scenario, fully resolved (no defaults hidden in code:
/// they all live in `Scenarios/baseline.yaml`). Rates are per year, durations in
/// days and money in euros, as in the scenario file.
public struct ModelParameters: Sendable, Codable, Equatable {
    public var name: String
    public var description: String
    public var horizon: Horizon
    public var population: PopulationParameters
    public var budget: BudgetParameters
    public var services: ServiceParameters
    public var policies: PolicyParameters
    /// The levers that meet the replication through the seam (`LeverSeam`), read from their
    /// sections under services and policies.
    public var levers: LeverParameters
    public var experiment: ExperimentParameters
    /// Values that change during the run (nil when every value is plain): the sets in
    /// force from later dates. The fields above are the set in force at `horizon.start`.
    public var dated: DatedParameters?

    public init(name: String, description: String, horizon: Horizon, population: PopulationParameters,
                budget: BudgetParameters, services: ServiceParameters, policies: PolicyParameters,
                levers: LeverParameters, experiment: ExperimentParameters) {
        self.name = name
        self.description = description
        self.horizon = horizon
        self.population = population
        self.budget = budget
        self.services = services
        self.policies = policies
        self.levers = levers
        self.experiment = experiment
    }
}

public struct Horizon: Sendable, Codable, Equatable {
    /// First day simulated; budget years run January to December, so this is a 1 January.
    public var start: CalendarDate
    /// First day not simulated (a 1 January).
    public var end: CalendarDate
    /// Periods starting before this date (a 1 January) are simulated but left out of
    /// summaries, and the reserve starts counting from it.
    public var warmupUntil: CalendarDate
    /// How the children are at the start: as the twin expects them after a generation
    /// under the start year's rates (settled), or every child well (the old start, which
    /// needs about 13 years of warm-up).
    public var initialState: InitialState

    public init(start: CalendarDate, end: CalendarDate, warmupUntil: CalendarDate, initialState: InitialState = .settled) {
        self.start = start
        self.end = end
        self.warmupUntil = warmupUntil
        self.initialState = initialState
    }

    /// Length of the reported part of the horizon (after warm-up), in years of 365.25 days.
    public var yearsAfterWarmup: Double {
        Double(end.daysSinceEpoch - warmupUntil.daysSinceEpoch) / 365.25
    }
}

/// The population's state on the first simulated day.
public enum InitialState: String, Sendable, Codable, CaseIterable {
    /// Sampled from the mean-field twin's expected state (`SettledStart`).
    case settled
    /// Every child well, nobody in care.
    case allWell = "all_well"
}

public struct RiskGroup: Sendable, Codable, Equatable {
    public var name: String
    /// Share of households in this group.
    public var share: Double
    /// Multiplies the onset hazard of the group's children.
    public var onsetMultiplier: Double
    /// Multiplies the escalation hazards of the group's children.
    public var escalationMultiplier: Double

    public init(name: String, share: Double, onsetMultiplier: Double, escalationMultiplier: Double) {
        self.name = name
        self.share = share
        self.onsetMultiplier = onsetMultiplier
        self.escalationMultiplier = escalationMultiplier
    }
}

public struct OnsetBand: Sendable, Codable, Equatable {
    /// Age (years) from which this band's hazard applies, up to the next band.
    public var fromAge: Double
    /// Hazard per year that a well child develops a (light) need.
    public var perYear: Double

    public init(fromAge: Double, perYear: Double) {
        self.fromAge = fromAge
        self.perYear = perYear
    }
}

public struct PopulationParameters: Sendable, Codable, Equatable {
    /// Children aged 0-17 at the start; births keep the size stationary.
    public var children: Int
    /// Share of households with 1, 2, 3, ... children (the last entry is "or more" treated as exactly).
    public var householdSizeShares: [Double]
    public var riskGroups: [RiskGroup]
    /// Age (years) at which children start school (school care applies from then on).
    public var schoolAgeFrom: Double
    /// Age (years) at which children leave the youth domain.
    public var leavingAge: Double
    /// Young people in care at the leaving age may continue in that care until it ends or
    /// until this age (years); equal to `leavingAge` means a hard cut-off.
    public var continueCareUntilAge: Double
    public var needs: NeedParameters

    public init(children: Int, householdSizeShares: [Double], riskGroups: [RiskGroup], schoolAgeFrom: Double,
                leavingAge: Double, continueCareUntilAge: Double, needs: NeedParameters) {
        self.continueCareUntilAge = continueCareUntilAge
        self.children = children
        self.householdSizeShares = householdSizeShares
        self.riskGroups = riskGroups
        self.schoolAgeFrom = schoolAgeFrom
        self.leavingAge = leavingAge
        self.needs = needs
    }
}

public struct NeedParameters: Sendable, Codable, Equatable {
    public var onset: [OnsetBand]
    /// Hazard per year of light -> moderate (light) and moderate -> severe (moderate); `severe` unused.
    public var escalationPerYear: PerSeverity<Double>
    /// Hazard per year that an untreated need resolves by itself.
    public var spontaneousResolutionPerYear: PerSeverity<Double>
    /// Hazard per year that the family asks for help itself (self-referral).
    public var selfReferralPerYear: PerSeverity<Double>
    /// Hazard per year that a severe need ends in a crisis (leads to youth protection).
    public var crisisPerYearSevere: Double
    /// Extra onset hazard per year for a child whose need was resolved in care.
    public var relapsePerYear: Double
    /// Weights of the burden index (need-days weighted by severity).
    public var burdenWeights: PerSeverity<Double>
    /// Factor on the hazards that a light or moderate need is recognised and brought to
    /// care by the family (self-referral) or a GP (detection and referral): the secular
    /// rise of recognised need before 2015 (1 = no trend).
    public var recognitionFactor: Double
    /// Factor on the onset hazards (`onset`): more of what children go through counted as
    /// a need over the years before 2015 (1 = no trend).
    public var onsetFactor: Double

    public init(onset: [OnsetBand], escalationPerYear: PerSeverity<Double>, spontaneousResolutionPerYear: PerSeverity<Double>,
                selfReferralPerYear: PerSeverity<Double>, crisisPerYearSevere: Double, relapsePerYear: Double,
                burdenWeights: PerSeverity<Double>, recognitionFactor: Double = 1, onsetFactor: Double = 1) {
        self.onset = onset
        self.escalationPerYear = escalationPerYear
        self.spontaneousResolutionPerYear = spontaneousResolutionPerYear
        self.selfReferralPerYear = selfReferralPerYear
        self.crisisPerYearSevere = crisisPerYearSevere
        self.relapsePerYear = relapsePerYear
        self.burdenWeights = burdenWeights
        self.recognitionFactor = recognitionFactor
        self.onsetFactor = onsetFactor
    }
}

public struct PolicyParameters: Sendable, Codable, Equatable {
    public enum QueueDiscipline: String, Sendable, Codable, CaseIterable { case fifo, severity }
    public var queueDiscipline: QueueDiscipline
    /// Hazard per year that a family on a waiting list gives up (the need stays, undetected).
    public var giveUpPerYear: Double
    public var transition: TransitionParameters
    /// Mean days of the indication step before a referral from the team or a GP joins a
    /// specialised waiting list (0: no indication step).
    public var indicationMeanDays: Double
    /// Administration cost of one indication (euros).
    public var indicationCostEur: Double
    public var handover: HandoverParameters
    public var coordination: CoordinationParameters
    /// The regime after the transfer: the mechanisms of an open-ended entitlement.
    public var openEntitlement: OpenEntitlementParameters
    /// The regime before it: an indication body, no neighbourhood team.
    public var oldRegime: OldRegimeParameters

    public init(queueDiscipline: QueueDiscipline, giveUpPerYear: Double, transition: TransitionParameters,
                indicationMeanDays: Double, indicationCostEur: Double, handover: HandoverParameters,
                coordination: CoordinationParameters, openEntitlement: OpenEntitlementParameters = .off,
                oldRegime: OldRegimeParameters = .off) {
        self.openEntitlement = openEntitlement
        self.oldRegime = oldRegime
        self.queueDiscipline = queueDiscipline
        self.giveUpPerYear = giveUpPerYear
        self.transition = transition
        self.indicationMeanDays = indicationMeanDays
        self.indicationCostEur = indicationCostEur
        self.handover = handover
        self.coordination = coordination
    }
}

/// Cooperation across organisations: what it costs when a case moves from one
/// organisation to another (a GP or the team to a provider, early help or school to the
/// team, ambulant to residential care).
public struct HandoverParameters: Sendable, Codable, Equatable {
    /// Mean days between leaving one organisation and joining the next one's list (0: none).
    public var meanDays: Double
    /// Days the receiving organisation spends on its own intake, added to the first episode there.
    public var duplicateIntakeDays: Double

    public init(meanDays: Double, duplicateIntakeDays: Double) {
        self.meanDays = meanDays
        self.duplicateIntakeDays = duplicateIntakeDays
    }
}

/// "One family, one plan, one coordinator" (een gezin, een plan, een regisseur).
public struct CoordinationParameters: Sendable, Codable, Equatable {
    public var enabled: Bool
    /// Providers a household has at once at most: further care for the family comes from those already involved.
    public var maxProvidersPerHousehold: Int
    /// Factor on hand-over days and duplicate intake days while coordination is on.
    public var handoverFactor: Double

    public init(enabled: Bool, maxProvidersPerHousehold: Int, handoverFactor: Double) {
        self.enabled = enabled
        self.maxProvidersPerHousehold = maxProvidersPerHousehold
        self.handoverFactor = handoverFactor
    }
}

/// The move to new structures (in the Netherlands: 1 January 2015). New neighbourhood
/// teams start below full productivity and learn; cases handed over may be lost.
public struct TransitionParameters: Sendable, Codable, Equatable {
    public var date: CalendarDate
    /// Productivity of the new teams on the transition date, as a fraction of full.
    public var teamStartProductivity: Double
    /// Mean time (years) in which the productivity gap closes (exponential approach).
    public var learningTimeYears: Double
    /// Share of children in specialised care on the transition date whose case is lost
    /// in the hand-over (they go home, the need unnoticed), unless continuity is guaranteed.
    public var handoverLoss: Double
    public var continuityGuaranteed: Bool
    /// Share of the funded team staff in post on the transition date.
    public var teamStartStaffing: Double
    /// Team staff that can be hired per year, as a fraction of the baseline's funded team staff.
    public var hiringPerYear: Double

    public init(date: CalendarDate, teamStartProductivity: Double, learningTimeYears: Double, handoverLoss: Double, continuityGuaranteed: Bool,
                teamStartStaffing: Double, hiringPerYear: Double) {
        self.teamStartStaffing = teamStartStaffing
        self.hiringPerYear = hiringPerYear
        self.date = date
        self.teamStartProductivity = teamStartProductivity
        self.learningTimeYears = learningTimeYears
        self.handoverLoss = handoverLoss
        self.continuityGuaranteed = continuityGuaranteed
    }

    /// Team productivity (fraction of full) `days` after the transition date (1 before it).
    public func teamProductivity(daysSinceTransition days: Double) -> Double {
        guard days >= 0 else { return 1 }
        guard learningTimeYears > 0 else { return 1 }
        return 1 - (1 - teamStartProductivity) * exp(-days / (learningTimeYears * 365.25))
    }
}

import Foundation

public struct ExperimentParameters: Sendable, Codable, Equatable {
    public enum OutputInterval: String, Sendable, Codable, CaseIterable {
        case month, quarter, year
        public var months: Int {
            switch self {
            case .month: 1
            case .quarter: 3
            case .year: 12
            }
        }
    }
    public var replications: Int
    public var seed: UInt64
    public var outputInterval: OutputInterval

    public init(replications: Int, seed: UInt64, outputInterval: OutputInterval) {
        self.replications = replications
        self.seed = seed
        self.outputInterval = outputInterval
    }
}
