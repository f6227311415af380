/// The account of one budget year (January to December): its income, the fixed budgets
/// of the services paid from a budget, and what has been received and spent so far.
struct YearAccount {
    let year: Int
    let days: Double
    let income: Double
    /// Fixed yearly budget per service (0 for services paid per day).
    let fixedBudget: [Double]
    var received = 0.0
    var spent = 0.0

    /// `preventionCut`: euros taken from the budget-funded services this year (deficit policy cut_prevention).
    init(year: Int, parameters p: ModelParameters, preventionCut: Double = 0) {
        self.year = year
        days = CalendarDate.isLeap(year) ? 366 : 365
        income = p.budget.income(inYear: year)
        let s = p.services
        var budgets = [Double](repeating: 0, count: ServiceKind.allCases.count)
        budgets[ServiceKind.jgzEarlyHelp.rawValue] = s.youthHealthCare.budgetShare * income
        budgets[ServiceKind.schoolCare.rawValue] = s.schoolCare.budgetShare * income
        budgets[ServiceKind.neighbourhoodTeam.rawValue] = s.neighbourhoodTeam.budgetShare * income
        let planned = budgets.reduce(0, +)
        if preventionCut > 0 && planned > 0 {
            let keep = max(0, planned - preventionCut) / planned
            budgets = budgets.map { $0 * keep }
        }
        fixedBudget = budgets
    }
}
