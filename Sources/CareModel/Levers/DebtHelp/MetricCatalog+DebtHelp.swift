extension MetricCatalog {
    /// Household money problems and debt help (services.debt_help); 0 unless enabled.
    static let debtHelp: [MetricDefinition] = [
        .init("households_money_problems", "households", "households with children whose money problems are not under debt help (including those waiting for it) at the end of the period; 0 unless services.debt_help.enabled", .stock) { Double($0.levers.debtHelp.householdsWithProblems) },
        .init("debt_help_waiting", "households", "households on the debt-help (schuldhulpverlening) waiting list at the end of the period", .stock) { Double($0.levers.debtHelp.service.queue.count) },
        .init("debt_help_households", "households", "households in debt help at the end of the period", .stock) { Double($0.levers.debtHelp.service.inUse) },
        .init("debt_help_starts", "households", "households that started debt help in the period", .total) { Double($0.levers.debtHelp.period.starts) },
        .init("debt_help_mean_wait_days", "days", "mean wait of the households that started debt help in the period (0 when none)", .weighted, weightedBy: "debt_help_starts") {
            mean($0.levers.debtHelp.period.waitDays, over: $0.levers.debtHelp.period.starts)
        },
    ]

    /// Debt help's money, outside the youth-care budget (a column after the youth-care money).
    static let debtHelpSpending: [MetricDefinition] = [
        .init("debt_help_spending_eur", "EUR", "the municipality's debt-help budget spent in the period (services.debt_help.budget_eur_per_year spread over the year; not youth-care money, so not in spending_total_eur)", .total) {
            let help = $0.model.parameters.levers.debtHelp
            return help.enabled ? help.budgetEurPerYear * $0.periodMoney.share : 0
        },
    ]
}
