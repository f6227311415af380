/// The money of the period being recorded: what was spent per service and on
/// administration, the income, and what the municipality's general funds added at a
/// year end. Filled by `Replication+Periods` before the period's row is taken.
struct PeriodMoney {
    /// The period's length as a fraction of its budget year.
    var share = 0.0
    /// Per service (ServiceKind order).
    var spending = [Double](repeating: 0, count: ServiceKind.allCases.count)
    var administration = 0.0
    /// Services and administration.
    var total = 0.0
    var income = 0.0
    var extraMunicipal = 0.0
}
