/// What a fixed budget buys: staff (FTE), places (FTE x caseload), and how strongly
/// the service's outreach works compared with full (baseline) funding.
struct StaffedBudget {
    let places: Int
    /// FTE funded now / FTE funded by the uncut baseline budget, capped at 1.
    let outreachFactor: Double

    init(budget: Double, baselineBudget: Double, staffing: Staffing) {
        let fte = budget / staffing.costPerFteEurPerYear
        let baselineFte = baselineBudget / staffing.costPerFteEurPerYear
        places = Int((fte * staffing.caseloadPerFte).rounded(.down))
        outreachFactor = baselineFte > 0 ? min(1, fte / baselineFte) : 0
    }
}
