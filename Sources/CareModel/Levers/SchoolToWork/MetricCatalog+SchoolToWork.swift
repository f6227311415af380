extension MetricCatalog {
    /// School-to-work support's participants and flows; 0 unless services.school_to_work.enabled.
    static let schoolToWork: [MetricDefinition] = [
        .init("school_to_work_participants", "young people", "young people in school-to-work support at the end of the period: at home with a need from services.school_to_work.from_age_years, and those who stayed in it past the leaving age; 0 unless enabled", .stock) { Double($0.levers.schoolToWork.all) },
        .init("school_to_work_past_leaving_age", "young people", "of school_to_work_participants, those past the leaving age (their needs count in needs_*, not in needs_undetected)", .stock) { Double($0.levers.schoolToWork.pastLeavingAge) },
        .init("school_to_work_entrants_at_leaving_age", "young people", "young people who reached the leaving age with a need, not in care, and stayed in school-to-work support in the period (they no longer count in aged_out_with_need then)", .total) { Double($0.levers.schoolToWork.period.entrants) },
        .init("left_after_school_to_work", "young people", "young people who left school-to-work support past the leaving age in the period: their need resolved, or they reached services.school_to_work.until_age_years (then they count in aged_out_with_need)", .total) { Double($0.levers.schoolToWork.period.leftAfter) },
    ]

    /// The support's money, outside the youth-care budget (a column after the youth-care money).
    static let schoolToWorkSpending: [MetricDefinition] = [
        .init("school_to_work_spending_eur", "EUR", "school-to-work support: participant-days x the cost per participant-year (not youth-care money, so not in spending_total_eur)", .total) {
            $0.levers.schoolToWork.period.participantDays / daysPerYear * $0.model.levers.schoolToWork.costEurPerParticipantPerYear
        },
    ]
}
