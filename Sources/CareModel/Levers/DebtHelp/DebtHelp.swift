import SimKernel
import Stochastics

/// Debt help (`DebtHelpParameters`) as the event loop uses it: hazards per day of the
/// household states and the factors on the children's hazards. Children's hazards are
/// scheduled at the upper factor and thinned to the household's actual one.
struct DebtHelp: Sendable {
    /// Whether money problems are modelled at all.
    let enabled: Bool
    var problemsPerDay: [Double]
    var resolvePerDay: Double
    var applyPerDay: Double
    let onsetFactor: Double
    let escalationFactor: Double
    /// The largest factors a child's hazards can have (1 without money problems).
    var onsetUpper: Double
    var escalationUpper: Double
    let duration: DurationDistribution
    /// Households debt help can take at once (budget / cost per household).
    let places: Int
    let resolveProbability: Double

    init(_ debt: DebtHelpParameters) throws {
        enabled = debt.enabled
        problemsPerDay = debt.moneyProblemsPerYear.map { $0 / daysPerYear }
        resolvePerDay = debt.resolvePerYear / daysPerYear
        applyPerDay = debt.applyPerYear / daysPerYear
        onsetFactor = debt.enabled ? debt.onsetMultiplier : 1
        escalationFactor = debt.enabled ? debt.escalationMultiplier : 1
        onsetUpper = max(1, onsetFactor)
        escalationUpper = max(1, escalationFactor)
        duration = try DurationDistribution.make(kind: debt.duration.distribution, mean: debt.duration.meanDays, spread: debt.duration.spread)
        places = debt.costPerHouseholdEurPerYear > 0
            ? try checkedInt(debt.budgetEurPerYear / debt.costPerHouseholdEurPerYear, "the debt-help places (budget_eur_per_year / cost_per_household_eur_per_year)") : 0
        resolveProbability = debt.resolveProbability
    }

    mutating func raise(to s: DebtHelp) {
        for k in problemsPerDay.indices { problemsPerDay[k] = max(problemsPerDay[k], s.problemsPerDay[k]) }
        resolvePerDay = max(resolvePerDay, s.resolvePerDay)
        applyPerDay = max(applyPerDay, s.applyPerDay)
        onsetUpper = max(onsetUpper, s.onsetUpper)
        escalationUpper = max(escalationUpper, s.escalationUpper)
    }

    /// Its event: a household's money problems begin, end, or reach debt help (the subject is the household).
    static let householdEvent: UInt32 = LeverEventKind.debtHelp.lowerBound
}

/// Where a household stands with money problems (services.debt_help).
enum MoneyState: UInt8 {
    case none = 0
    /// Money problems nobody helps with yet: the children's hazards are raised.
    case problems
    /// Waiting for debt help (the problems go on meanwhile).
    case waiting
    /// In debt help: income is stabilised, the children's hazards are back to normal.
    case helped
}

/// One household's money-problem process. It runs while the household has children.
struct HouseholdMoney {
    var state = MoneyState.none
    /// Children of the household present now.
    var children: UInt16 = 0
    /// Matches the household's one live pending event.
    var token: UInt32 = 0
    /// Matches the household's live entry on the debt-help waiting list.
    var ticket: UInt32 = 0

    /// Whether the children's hazards are raised now.
    var raisesHazards: Bool { state == .problems || state == .waiting }
}

/// Money problems per household and the debt-help service (households only with the lever on).
struct DebtHelpState {
    var households: [HouseholdMoney] = []
    var service: Resource
    var householdsWithProblems = 0
    var period = Period()

    struct Period {
        /// Households that started debt help, and the days they waited for it.
        var starts = 0, waitDays = 0.0
    }

    init(_ d: DebtHelp) {
        service = Resource(capacity: d.enabled ? d.places : 0)
    }
}
