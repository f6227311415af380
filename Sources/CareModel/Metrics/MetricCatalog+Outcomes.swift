extension MetricCatalog {
    /// What happened to needs and children in the period, referrals, fragmentation and users.
    static let outcomes: [MetricDefinition] = [
        .init("resolved", "children", "needs that ended in the period, in care or by themselves", .total) { Double($0.recorder.counters.resolved) },
        .init("resolved_in_care", "children", "needs resolved at the end of a care episode in the period", .total) { Double($0.recorder.counters.resolvedInCare) },
        .init("escalations", "children", "needs that became heavier (light to moderate, moderate to severe) in the period", .total) { Double($0.recorder.counters.escalations) },
        .init("crises", "children", "crises in the period (each leads to a youth-protection order)", .total) { Double($0.recorder.counters.crises) },
        .init("gave_up", "children", "families who left a waiting list in the period without help (the need stays)", .total) { Double($0.recorder.counters.gaveUp) },
        .init("out_of_home", "children", "children placed out of home (residential care or a placement under youth protection) at the end of the period", .stock) {
            let residential = ServiceKind.residential.rawValue
            return Double($0.resources[residential].inUse - $0.othersInCare(residential) + $0.placedCount)
        },
        .init("placements", "children", "out-of-home placements under youth protection that began in the period", .total) { Double($0.recorder.counters.placements) },
        .init("aged_out_with_need", "children", "young people who left (at the leaving age, or when care continued after it ended) with a need in the period", .total) { Double($0.recorder.counters.agedOutWithNeed) },
        .init("helped", "children", "needs that got their first care in the period after being noticed", .total) { Double($0.recorder.counters.helped) },
        .init("mean_days_to_help", "days", "mean days from a need being noticed to its first care, for the needs first helped in the period (0 when none)", .weighted, weightedBy: "helped") {
            mean($0.recorder.counters.daysToHelp, over: $0.recorder.counters.helped)
        },
        .init("helped_school_age", "children", "as helped, for children of school age (population.school_age_years and over)", .total) { Double($0.recorder.counters.helpedSchoolAge) },
        .init("mean_days_to_help_school_age", "days", "as mean_days_to_help, for children of school age", .weighted, weightedBy: "helped_school_age") {
            mean($0.recorder.counters.daysToHelpSchoolAge, over: $0.recorder.counters.helpedSchoolAge)
        },
        .init("indications", "referrals", "indication steps started in the period (referrals from the team or a GP to specialised care, when policies.indication_mean_days > 0)", .total) { Double($0.recorder.counters.indications) },
        .init("in_referral_step", "children", "children in the referral step at the end of the period: referred on, in the indication step or the hand-over, not yet on the waiting list", .stock) { Double($0.referralStepCount) },
        .init("handovers", "referrals", "cases moved from one organisation to another in the period (a GP or the team to a provider; JGZ, school or early help to the team; ambulant to residential care; with separate teams, a family's request to the youth team), when policies.handover has a length", .total) { Double($0.recorder.counters.handovers) },
        .init("specialised_episodes", "episodes", "episodes of specialised ambulant or residential care begun in the period, first episodes and extensions (each is a trajectory under per-trajectory financing)", .total) {
            Double($0.recorder.counters.specialisedEpisodes.reduce(0, +))
        },
        .init("mean_specialised_episode_days", "days", "mean planned length of the specialised episodes begun in the period (durations respond to the financing model)", .weighted, weightedBy: "specialised_episodes") {
            mean($0.recorder.counters.specialisedEpisodeDays, over: $0.recorder.counters.specialisedEpisodes.reduce(0, +))
        },
        .init("consortium_over_budget", "indicator (0 or 1)", "population budget: 1 when the consortium's own costs so far this year exceed the contract paid so far (it then keeps severe needs in ambulant care); the summary gives the share of periods", .average) { $0.consortiumOverBudget ? 1 : 0 },
        .init("households_in_care", "households", "households with at least one child in care at the end of the period", .stock) { Double($0.providerTally.householdsInCare) },
        .init("providers_per_household", "providers", "mean providers of the households in care at the end of the period (one per episode outside the team; the team once, or twice when youth and household teams are separate; capped under coordination)", .weighted, weightedBy: "households_in_care") {
            Double($0.providerTally.providers) / Double(max(1, $0.providerTally.householdsInCare))
        },
        .init("households_3plus_providers_share", "fraction", "share of the households in care with three or more providers at the end of the period", .weighted, weightedBy: "households_in_care") {
            Double($0.providerTally.householdsWithThreeOrMore) / Double(max(1, $0.providerTally.householdsInCare))
        },
        .init("users_youth_help", "children", "children counted for the first time in the budget year as users of youth help (jeugdhulp: the neighbourhood team, specialised ambulant or residential care, or a placement); summed over the periods of a year: the distinct users in that year, as CBS counts them", .total) { Double($0.recorder.counters.youthHelpUsers) },
        .init("users_without_stay", "children", "as users_youth_help, for youth help without stay (the neighbourhood team or specialised ambulant care); a child with both forms in a year counts here and in users_with_stay, as CBS counts them", .total) { Double($0.recorder.counters.withoutStayUsers) },
        .init("users_with_stay", "children", "as users_youth_help, for youth help with stay (residential care or a placement out of home)", .total) { Double($0.recorder.counters.stayUsers) },
        .init("users_youth_protection", "children", "as users_youth_help, for youth-protection orders", .total) { Double($0.recorder.counters.protectionUsers) },
        .init("users_youth_care", "children", "as users_youth_help, for youth care of any kind (jeugdzorg: youth help or a youth-protection order); each child once a year", .total) { Double($0.recorder.counters.youthCareUsers) },
        .init("referrals_gp", "referrals", "referrals to specialised care by a general practitioner in the period", .total) { Double($0.recorder.counters.referralsGP) },
        .init("referrals_team", "referrals", "referrals to specialised care by the neighbourhood team (needs it did not resolve) in the period", .total) { Double($0.recorder.counters.referralsTeam) },
        .init("left_after_continued_care", "children", "young people who left in the period after their care continued past the leaving age (population.continue_care_until_age_years)", .total) { Double($0.recorder.counters.leftAfterContinuedCare) },
        .init("jgz_transfers", "children", "split youth health care (services.youth_health_care.organisation: split): early-help cases (helped or waiting) that JGZ 0-4 handed to JGZ 4-18 at school age in the period", .total) { Double($0.recorder.counters.jgzTransfers) },
        .init("jgz_transfers_lost", "children", "of jgz_transfers, the cases lost on the way (the child goes home, the need unnoticed)", .total) { Double($0.recorder.counters.jgzTransfersLost) },
    ]
}
