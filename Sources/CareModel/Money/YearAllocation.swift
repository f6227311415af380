/// What a budget year's money buys (its allocation): the year's account, the places of
/// every service and the outreach factors of the budget-funded channels. Shared by the
/// simulation and its mean-field twin.
public struct YearAllocation {
    let account: YearAccount
    /// Places per service (ServiceKind order); youth protection never refuses (`Int.max`).
    let places: [Int]
    /// Places the providers have before rationing (as `places` without a rationing cut).
    let providerPlaces: [Int]
    let teamFactor: Double
    let schoolFactor: Double
    let jgzReachFactor: Double

    /// `previousDeficit`: last year's deficit (spending - income), which the deficit
    /// policy may pass on to this year's budgets or places. `previousProtectionSpending`:
    /// last year's youth-protection spending (orders and placements), which rationing
    /// must leave room for because a court order cannot be refused. `extraPlaces`: places
    /// providers want to add on top of the contract (ServiceKind order; capped by CapacityGrowth).
    ///
    /// Every place count goes through `checkedInt`: a count that is not a whole number
    /// up to 2^53 throws a `ModelError` (the replication stops with it) instead of trapping.
    init(checkedYear year: Int, parameters p: ModelParameters, children: Int, previousDeficit: Double = 0,
         previousProtectionSpending: Double = 0, extraPlaces: [Double]? = nil) throws(ModelError) {
        let s = p.services
        let preventionCut = p.budget.deficitPolicy == .cutPrevention ? max(0, previousDeficit) : 0
        account = YearAccount(year: year, parameters: p, preventionCut: preventionCut)
        let baseline = p.budget.baselineEurPerYear
        var places = [Int](repeating: 0, count: ServiceKind.allCases.count)

        let team = try StaffedBudget(budget: account.fixedBudget[ServiceKind.neighbourhoodTeam.rawValue],
                           baselineBudget: s.neighbourhoodTeam.budgetShare * baseline, staffing: s.neighbourhoodTeam.staffing,
                           service: "neighbourhood_team", year: year)
        places[ServiceKind.neighbourhoodTeam.rawValue] = team.places
        teamFactor = team.outreachFactor

        let school = try StaffedBudget(budget: account.fixedBudget[ServiceKind.schoolCare.rawValue],
                             baselineBudget: s.schoolCare.budgetShare * baseline, staffing: s.schoolCare.staffing,
                             service: "school_care", year: year)
        places[ServiceKind.schoolCare.rawValue] = school.places
        schoolFactor = school.outreachFactor

        // Youth health care funds the universal contacts first; what is left pays early help.
        let jgzBudget = account.fixedBudget[ServiceKind.jgzEarlyHelp.rawValue]
        let contactCost = s.youthHealthCare.costPerChildEurPerYear * Double(children)
        jgzReachFactor = contactCost > 0 ? min(1, jgzBudget / contactCost) : 1
        let earlyHelp = try StaffedBudget(budget: max(0, jgzBudget - contactCost), baselineBudget: 0, staffing: s.youthHealthCare.earlyHelpStaffing,
                                          service: "youth_health_care.early_help", year: year)
        places[ServiceKind.jgzEarlyHelp.rawValue] = s.youthHealthCare.earlyHelpEnabled ? earlyHelp.places : 0

        let thousands = Double(children) / 1000
        func contracted(_ service: ServiceKind, perThousand: Double) -> Double {
            let places = perThousand * thousands
            return places + min(extraPlaces?[service.rawValue] ?? 0, s.capacityGrowth.maxExtraFraction * places)
        }
        var ambulant = contracted(.specialisedAmbulant, perThousand: s.specialisedAmbulant.placesPer1000Children)
        var residential = contracted(.residential, perThousand: s.residential.placesPer1000Children)
        var providerPlaces = places
        providerPlaces[ServiceKind.specialisedAmbulant.rawValue] = try checkedInt(ambulant, "the specialised_ambulant places of \(year)")
        providerPlaces[ServiceKind.residential.rawValue] = try checkedInt(residential, "the residential places of \(year)")
        providerPlaces[ServiceKind.youthProtection.rawValue] = .max
        self.providerPlaces = providerPlaces
        if p.budget.deficitPolicy == .rationSpecialised && previousDeficit > 0 {
            // Contract only the places the money left over can pay for a whole year,
            // ambulant and residential cut in the same proportion. Youth protection is paid
            // first (expected as last year's): orders cannot be refused, and leaving it out
            // let spending rise under rationing as waits sent more children into crisis.
            let left = max(0, account.income - account.fixedBudget.reduce(0, +) - previousProtectionSpending)
            let fullCost = (ambulant * s.specialisedAmbulant.tariffEurPerDay + residential * s.residential.tariffEurPerDay) * account.days
            let scale = fullCost > 0 ? min(1, left / fullCost) : 1
            ambulant *= scale
            residential *= scale
        }
        places[ServiceKind.specialisedAmbulant.rawValue] = try checkedInt(ambulant, "the specialised_ambulant places of \(year)")
        places[ServiceKind.residential.rawValue] = try checkedInt(residential, "the residential places of \(year)")
        places[ServiceKind.youthProtection.rawValue] = .max
        self.places = places
    }

    /// The allocation at the start population without a deficit or extra places: the
    /// mean-field twin's years. `CompiledModel` has made every one of them once with
    /// `init(checkedYear:...)`, so for a compiled model this cannot fail.
    init(year: Int, parameters p: ModelParameters, children: Int) {
        do {
            self = try YearAllocation(checkedYear: year, parameters: p, children: children)
        } catch {
            preconditionFailure("CompiledModel checks every year's allocation at the start population: \(error)")
        }
    }
}
