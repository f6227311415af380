extension MetricCatalog {
    /// Community work (policies.community_work); 0 unless share_flagged is above 0.
    static let communityWork: [MetricDefinition] = [
        .init("community_work_flagged", "households", "households the neighbourhood team passed on to community work (opbouwwerk) in the period", .total) {
            Double($0.levers.communityWork.period.flagged)
        },
        .init("community_work_households", "households", "households passed on to community work so far, at the end of the period (their children's onset of needs is lowered, fully after policies.community_work.lag_years)", .stock) {
            Double($0.levers.communityWork.households)
        },
        .init("community_work_spending_eur", "EUR", "community_work_flagged x policies.community_work.cost_eur_per_household (its own budget line, not youth-care money in spending_total_eur)", .total) {
            Double($0.levers.communityWork.period.flagged) * $0.model.levers.communityWork.costEurPerHousehold
        },
    ]
}
