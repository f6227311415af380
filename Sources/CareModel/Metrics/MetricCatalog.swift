/// How one column of `timeseries.csv` is turned into one value of `summary.csv`.
public enum Aggregation: String, Sendable {
    /// Sum over the periods after warm-up (flows: counts, money).
    case total
    /// Mean over the periods after warm-up (stocks measured at period end, rates).
    case average
    /// The value in the last period (e.g. the reserve at the end).
    case final
    /// Mean weighted by another column (a mean wait weighted by the number of starts).
    case weighted
}

/// One output column: its name, unit and meaning (the data dictionary is generated from these).
public struct MetricDefinition: Sendable, Equatable {
    public let name: String
    public let unit: String
    public let meaning: String
    public let aggregation: Aggregation
    /// For `.weighted`: the column whose values are the weights.
    public let weightColumn: String?

    init(_ name: String, _ unit: String, _ meaning: String, _ aggregation: Aggregation, weightedBy weightColumn: String? = nil) {
        self.name = name
        self.unit = unit
        self.meaning = meaning
        self.aggregation = aggregation
        self.weightColumn = weightColumn
    }
}

/// The columns of a period row, in output order, with their indices.
///
/// The hot loop never looks these up: it counts into `PeriodCounters`, and rows are
/// filled once per period.
public enum MetricCatalog {
    public static let definitions: [MetricDefinition] = build()

    private static let indexByName: [String: Int] = Dictionary(
        uniqueKeysWithValues: definitions.enumerated().map { ($0.element.name, $0.offset) })

    public static func index(_ name: String) -> Int {
        guard let i = indexByName[name] else { preconditionFailure("no metric named \(name)") }
        return i
    }

    public static var count: Int { definitions.count }

    // Indices used when a row is filled.
    static let children = index("children")
    static let births = index("births")
    static let leavers = index("leavers")
    static let needsLight = index("needs_light")
    static let needsModerate = index("needs_moderate")
    static let needsSevere = index("needs_severe")
    static let needsUndetected = index("needs_undetected")
    static let onsets = index("onsets")
    static let resolved = index("resolved")
    static let resolvedInCare = index("resolved_in_care")
    static let escalations = index("escalations")
    static let crises = index("crises")
    static let gaveUp = index("gave_up")
    static let outOfHome = index("out_of_home")
    static let placements = index("placements")
    static let agedOutWithNeed = index("aged_out_with_need")
    static let leftAfterContinuedCare = index("left_after_continued_care")
    static let indications = index("indications")
    static let helped = index("helped")
    static let meanDaysToHelp = index("mean_days_to_help")
    static let helpedSchoolAge = index("helped_school_age")
    static let meanDaysToHelpSchoolAge = index("mean_days_to_help_school_age")
    static let inReferralStep = index("in_referral_step")
    static let handovers = index("handovers")
    static let specialisedEpisodes = index("specialised_episodes")
    static let meanSpecialisedEpisodeDays = index("mean_specialised_episode_days")
    static let consortiumOverBudget = index("consortium_over_budget")
    static let householdsInCare = index("households_in_care")
    static let providersPerHousehold = index("providers_per_household")
    static let householdsThreeOrMoreProvidersShare = index("households_3plus_providers_share")
    static let usersYouthHelp = index("users_youth_help")
    static let usersWithStay = index("users_with_stay")
    static let usersYouthProtection = index("users_youth_protection")
    static let referralsGP = index("referrals_gp")
    static let referralsTeam = index("referrals_team")
    static let jgzTransfers = index("jgz_transfers")
    static let jgzTransfersLost = index("jgz_transfers_lost")
    static let regionOthersInCare = index("region_others_in_care")
    static let regionOthersWaiting = index("region_others_waiting")
    static let supportParticipants = index("school_to_work_participants")
    static let supportPastLeavingAge = index("school_to_work_past_leaving_age")
    static let supportEntrants = index("school_to_work_entrants_at_leaving_age")
    static let leftAfterSupport = index("left_after_school_to_work")
    static let supportSpending = index("school_to_work_spending_eur")
    static let householdsMoneyProblems = index("households_money_problems")
    static let debtHelpWaiting = index("debt_help_waiting")
    static let debtHelpHouseholds = index("debt_help_households")
    static let debtHelpStarts = index("debt_help_starts")
    static let debtHelpMeanWait = index("debt_help_mean_wait_days")
    static let debtHelpSpending = index("debt_help_spending_eur")
    static let spendingAdministration = index("spending_administration_eur")
    static let spendingTotal = index("spending_total_eur")
    static let income = index("income_eur")
    static let deficit = index("deficit_eur")
    static let reserve = index("reserve_eur")
    static let extraMunicipal = index("extra_municipal_eur")
    static let burdenIndex = index("burden_index")
    static let waiting = ServiceKind.allCases.map { index("waiting_\($0.key)") }
    static let inCare = ServiceKind.allCases.map { index("in_care_\($0.key)") }
    static let capacity = ServiceKind.allCases.map { index("capacity_\($0.key)") }
    static let starts = ServiceKind.allCases.map { index("starts_\($0.key)") }
    static let meanWait = ServiceKind.allCases.map { index("mean_wait_days_\($0.key)") }
    static let spending = ServiceKind.allCases.map { index("spending_\($0.key)_eur") }
    static let newEpisodes = Channel.allCases.map { index("new_episodes_\($0.key)") }

    private static func build() -> [MetricDefinition] {
        var d: [MetricDefinition] = [
            .init("children", "children", "children present at the end of the period", .average),
            .init("births", "children", "children born (entering the population) in the period", .total),
            .init("leavers", "children", "young people who reached the leaving age in the period", .total),
            .init("needs_light", "children", "children with a light need at the end of the period", .average),
            .init("needs_moderate", "children", "children with a moderate need at the end of the period", .average),
            .init("needs_severe", "children", "children with a severe need at the end of the period", .average),
            .init("needs_undetected", "children", "children with a need that no service has noticed (not waiting, not in care) at the end of the period", .average),
            .init("onsets", "children", "new needs that began in the period (including relapses)", .total),
        ]
        for s in ServiceKind.allCases {
            d.append(.init("waiting_\(s.key)", "children", "children on the waiting list of \(s.displayName) at the end of the period", .average))
        }
        for s in ServiceKind.allCases {
            d.append(.init("in_care_\(s.key)", "children", "children in \(s.displayName) at the end of the period", .average))
        }
        for s in ServiceKind.allCases {
            d.append(.init("capacity_\(s.key)", "places", "places (children helped at once) of \(s.displayName) at the end of the period; -1 means unlimited", .average))
        }
        for c in Channel.allCases {
            d.append(.init("new_episodes_\(c.key)", "episodes", "needs first noticed in the period by \(c.displayName)", .total))
        }
        for s in ServiceKind.allCases {
            d.append(.init("starts_\(s.key)", "episodes", "care episodes started in \(s.displayName) in the period", .total))
        }
        for s in ServiceKind.allCases {
            d.append(.init("mean_wait_days_\(s.key)", "days", "mean wait of the episodes started in \(s.displayName) in the period (0 when none started)", .weighted, weightedBy: "starts_\(s.key)"))
        }
        d += [
            .init("resolved", "children", "needs that ended in the period, in care or by themselves", .total),
            .init("resolved_in_care", "children", "needs resolved at the end of a care episode in the period", .total),
            .init("escalations", "children", "needs that became heavier (light to moderate, moderate to severe) in the period", .total),
            .init("crises", "children", "crises in the period (each leads to a youth-protection order)", .total),
            .init("gave_up", "children", "families who left a waiting list in the period without help (the need stays)", .total),
            .init("out_of_home", "children", "children placed out of home (residential care or a placement under youth protection) at the end of the period", .average),
            .init("placements", "children", "out-of-home placements under youth protection that began in the period", .total),
            .init("aged_out_with_need", "children", "young people who left (at the leaving age, or when care continued after it ended) with a need in the period", .total),
            .init("helped", "children", "needs that got their first care in the period after being noticed", .total),
            .init("mean_days_to_help", "days", "mean days from a need being noticed to its first care, for the needs first helped in the period (0 when none)", .weighted, weightedBy: "helped"),
            .init("helped_school_age", "children", "as helped, for children of school age (population.school_age_years and over)", .total),
            .init("mean_days_to_help_school_age", "days", "as mean_days_to_help, for children of school age", .weighted, weightedBy: "helped_school_age"),
            .init("indications", "referrals", "indication steps started in the period (referrals from the team or a GP to specialised care, when policies.indication_mean_days > 0)", .total),
            .init("in_referral_step", "children", "children in the referral step at the end of the period: referred on, in the indication step or the hand-over, not yet on the waiting list", .average),
            .init("handovers", "referrals", "cases moved from one organisation to another in the period (a GP or the team to a provider; JGZ, school or early help to the team; ambulant to residential care; with separate teams, a family's request to the youth team), when policies.handover has a length", .total),
            .init("specialised_episodes", "episodes", "episodes of specialised ambulant or residential care begun in the period, first episodes and extensions (each is a trajectory under per-trajectory financing)", .total),
            .init("mean_specialised_episode_days", "days", "mean planned length of the specialised episodes begun in the period (durations respond to the financing model)", .weighted, weightedBy: "specialised_episodes"),
            .init("consortium_over_budget", "0/1", "population budget: 1 when the consortium's own costs so far this year exceed the contract paid so far (it then keeps severe needs in ambulant care); the summary gives the share of periods", .average),
            .init("households_in_care", "households", "households with at least one child in care at the end of the period", .average),
            .init("providers_per_household", "providers", "mean providers of the households in care at the end of the period (one per episode outside the team; the team once, or twice when youth and household teams are separate; capped under coordination)", .weighted, weightedBy: "households_in_care"),
            .init("households_3plus_providers_share", "fraction", "share of the households in care with three or more providers at the end of the period", .weighted, weightedBy: "households_in_care"),
            .init("users_youth_help", "children", "children counted for the first time in the budget year as users of youth help (jeugdhulp: the neighbourhood team, specialised ambulant or residential care, or a placement); summed over the periods of a year: the distinct users in that year, as CBS counts them", .total),
            .init("users_with_stay", "children", "as users_youth_help, for youth help with stay (residential care or a placement out of home)", .total),
            .init("users_youth_protection", "children", "as users_youth_help, for youth-protection orders", .total),
            .init("referrals_gp", "referrals", "referrals to specialised care by a general practitioner in the period", .total),
            .init("referrals_team", "referrals", "referrals to specialised care by the neighbourhood team (needs it did not resolve) in the period", .total),
            .init("left_after_continued_care", "children", "young people who left in the period after their care continued past the leaving age (population.continue_care_until_age_years)", .total),
            .init("jgz_transfers", "children", "split youth health care (services.youth_health_care.organisation: split): early-help cases (helped or waiting) that JGZ 0-4 handed to JGZ 4-18 at school age in the period", .total),
            .init("jgz_transfers_lost", "children", "of jgz_transfers, the cases lost on the way (the child goes home, the need unnoticed)", .total),
            .init("region_others_in_care", "children", "children of the other municipalities in the region (services.region) in the shared specialised places at the end of the period; the waiting_*, in_care_* and capacity_* columns count this municipality's children and contracted places only", .average),
            .init("region_others_waiting", "children", "children of the other municipalities on the shared specialised waiting lists at the end of the period", .average),
            .init("school_to_work_participants", "young people", "young people in school-to-work support at the end of the period: at home with a need from services.school_to_work.from_age_years, and those who stayed in it past the leaving age; 0 unless enabled", .average),
            .init("school_to_work_past_leaving_age", "young people", "of school_to_work_participants, those past the leaving age (their needs count in needs_*, not in needs_undetected)", .average),
            .init("school_to_work_entrants_at_leaving_age", "young people", "young people who reached the leaving age with a need, not in care, and stayed in school-to-work support in the period (they no longer count in aged_out_with_need then)", .total),
            .init("left_after_school_to_work", "young people", "young people who left school-to-work support past the leaving age in the period: their need resolved, or they reached services.school_to_work.until_age_years (then they count in aged_out_with_need)", .total),
            .init("households_money_problems", "households", "households with children whose money problems are not under debt help (including those waiting for it) at the end of the period; 0 unless services.debt_help.enabled", .average),
            .init("debt_help_waiting", "households", "households on the debt-help (schuldhulpverlening) waiting list at the end of the period", .average),
            .init("debt_help_households", "households", "households in debt help at the end of the period", .average),
            .init("debt_help_starts", "households", "households that started debt help in the period", .total),
            .init("debt_help_mean_wait_days", "days", "mean wait of the households that started debt help in the period (0 when none)", .weighted, weightedBy: "debt_help_starts"),
        ]
        for s in ServiceKind.allCases {
            d.append(.init("spending_\(s.key)_eur", "EUR", "spending on \(s.displayName) in the period", .total))
        }
        d += [
            .init("spending_administration_eur", "EUR", "administration: indication steps started in the period x policies.indication_cost_eur", .total),
            .init("spending_total_eur", "EUR", "spending in the period: the sum of the spending_* columns (services and administration)", .total),
            .init("income_eur", "EUR", "youth-care income in the period: baseline budget x (1 - cut), spread evenly over the budget year", .total),
            .init("deficit_eur", "EUR", "spending minus income in the period (negative: a surplus)", .total),
            .init("reserve_eur", "EUR", "the reserve at the end of the period; it starts at budget.reserve_eur at the end of warm-up, and year-end accounting is done before the last period of a year is recorded", .final),
            .init("extra_municipal_eur", "EUR", "money drawn from the municipality's general funds at a year end (after warm-up) to cover a deficit the reserve could not", .total),
            .init("school_to_work_spending_eur", "EUR", "school-to-work support: participant-days x the cost per participant-year (not youth-care money, so not in spending_total_eur)", .total),
            .init("debt_help_spending_eur", "EUR", "the municipality's debt-help budget spent in the period (services.debt_help.budget_eur_per_year spread over the year; not youth-care money, so not in spending_total_eur)", .total),
            .init("burden_index", "weighted need-days per child-year", "need-days weighted by severity (light 1, moderate, severe: see population.needs.burden_weights), per child per year, over the period", .average),
        ]
        return d
    }
}
