/// What a fixed budget buys: staff (FTE), places (FTE x caseload), and how strongly
/// the service's outreach works compared with full (baseline) funding.
struct StaffedBudget {
    let places: Int
    /// FTE funded now / FTE funded by the uncut baseline budget, capped at 1.
    let outreachFactor: Double

    init(budget: Double, baselineBudget: Double, staffing: Staffing, service: String, year: Int) throws(ModelError) {
        let fte = budget / staffing.costPerFteEurPerYear
        let baselineFte = baselineBudget / staffing.costPerFteEurPerYear
        places = try checkedInt(fte * staffing.caseloadPerFte, "the \(service) places of \(year) (budget / cost_per_fte_eur_per_year x caseload_per_fte)")
        outreachFactor = baselineFte > 0 ? min(1, fte / baselineFte) : 0
    }
}
