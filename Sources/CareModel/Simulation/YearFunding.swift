/// What a budget year's money buys: the budgets, the places of every service and the
/// outreach factors of the budget-funded channels. Shared by the simulation and its
/// mean-field twin.
public struct YearFunding {
    let budget: YearBudget
    /// Places per service (ServiceKind order); youth protection never refuses (`Int.max`).
    let places: [Int]
    let teamFactor: Double
    let schoolFactor: Double
    let jgzReachFactor: Double

    init(year: Int, parameters p: ModelParameters, children: Int) {
        let s = p.services
        budget = YearBudget(year: year, parameters: p, children: children)
        let baseline = p.budget.baselineEurPerYear
        var places = [Int](repeating: 0, count: ServiceKind.allCases.count)

        let team = Funding(budget: budget.fixedBudget[ServiceKind.neighbourhoodTeam.rawValue],
                           baselineBudget: s.neighbourhoodTeam.budgetShare * baseline, staffing: s.neighbourhoodTeam.staffing)
        places[ServiceKind.neighbourhoodTeam.rawValue] = team.places
        teamFactor = team.outreachFactor

        let school = Funding(budget: budget.fixedBudget[ServiceKind.schoolCare.rawValue],
                             baselineBudget: s.schoolCare.budgetShare * baseline, staffing: s.schoolCare.staffing)
        places[ServiceKind.schoolCare.rawValue] = school.places
        schoolFactor = school.outreachFactor

        // Youth health care funds the universal contacts first; what is left pays early help.
        let jgzBudget = budget.fixedBudget[ServiceKind.jgzEarlyHelp.rawValue]
        let contactCost = s.youthHealthCare.costPerChildEurPerYear * Double(children)
        jgzReachFactor = contactCost > 0 ? min(1, jgzBudget / contactCost) : 1
        let earlyHelp = Funding(budget: max(0, jgzBudget - contactCost), baselineBudget: 0, staffing: s.youthHealthCare.earlyHelpStaffing)
        places[ServiceKind.jgzEarlyHelp.rawValue] = s.youthHealthCare.earlyHelpEnabled ? earlyHelp.places : 0

        let thousands = Double(children) / 1000
        places[ServiceKind.specialisedAmbulant.rawValue] = Int((s.specialisedAmbulant.placesPer1000Children * thousands).rounded(.down))
        places[ServiceKind.residential.rawValue] = Int((s.residential.placesPer1000Children * thousands).rounded(.down))
        places[ServiceKind.youthProtection.rawValue] = .max
        self.places = places
    }
}

extension DeficitPolicy {
    /// Year-end accounting of `deficit` (spending - income; negative: a surplus).
    /// Returns the new reserve and the money drawn from the municipality's general funds.
    func settle(deficit: Double, reserve: Double) -> (reserve: Double, extraMunicipal: Double) {
        switch self {
        case .absorb:
            if deficit <= 0 { return (reserve - deficit, 0) }
            let fromReserve = min(max(reserve, 0), deficit)
            return (reserve - fromReserve, deficit - fromReserve)
        }
    }
}
