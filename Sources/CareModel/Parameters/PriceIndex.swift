/// The price index (`budget.price_index`) applied to a parameter set: every price and wage
/// the model pays times the index, so that the simulation, its rationing and its twin
/// all pay the same prices. Applied once per set when it is compiled (`CompiledModel`).
extension ModelParameters {
    /// This set with its prices at `budget.priceIndex` (the set itself at an index of 1).
    var atItsPriceIndex: ModelParameters {
        let index = budget.priceIndex
        guard index != 1 else { return self }
        var p = self
        p.services.specialisedAmbulant.tariffEurPerDay *= index
        p.services.residential.tariffEurPerDay *= index
        p.services.youthProtection.costEurPerDay *= index
        p.services.youthHealthCare.costPerChildEurPerYear *= index
        p.services.youthHealthCare.earlyHelpStaffing.costPerFteEurPerYear *= index
        p.services.schoolCare.staffing.costPerFteEurPerYear *= index
        p.services.neighbourhoodTeam.staffing.costPerFteEurPerYear *= index
        p.levers.debtHelp.costPerHouseholdEurPerYear *= index
        p.levers.schoolToWork.costEurPerParticipantPerYear *= index
        p.levers.specialistConsultation.costEurPerHour *= index
        p.levers.ownNetwork.costEurPerCase *= index
        p.levers.communityWork.costEurPerHousehold *= index
        p.policies.indicationCostEur *= index
        return p
    }
}
