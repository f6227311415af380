extension MetricCatalog {
    /// Money of the period (`PeriodMoney`, settled before the row is taken).
    static let money: [MetricDefinition] = ServiceKind.allCases.map { s in
        .init("spending_\(s.key)_eur", "EUR", "spending on \(s.displayName) in the period", .total) { $0.periodMoney.spending[s.rawValue] }
    } + [
        .init("spending_administration_eur", "EUR", "administration: indication steps started in the period x policies.indication_cost_eur", .total) { $0.periodMoney.administration },
        .init("spending_total_eur", "EUR", "spending in the period: the sum of the spending_* columns (services and administration)", .total) { $0.periodMoney.total },
        .init("income_eur", "EUR", "youth-care income in the period: baseline budget x (1 - cut) x budget.income_factor, spread evenly over the budget year", .total) { $0.periodMoney.income },
        .init("deficit_eur", "EUR", "spending minus income in the period (negative: a surplus)", .total) { $0.periodMoney.total - $0.periodMoney.income },
        .init("reserve_eur", "EUR", "the reserve at the end of the period; it starts at budget.reserve_eur at the end of warm-up, and year-end accounting is done before the last period of a year is recorded", .final) { $0.reserve },
        .init("extra_municipal_eur", "EUR", "money drawn from the municipality's general funds at a year end (after warm-up) to cover a deficit the reserve could not", .total) { $0.periodMoney.extraMunicipal },
    ]
}
