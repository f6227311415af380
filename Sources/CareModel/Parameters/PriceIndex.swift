/// The price index (`budget.price_index`) applied to a parameter set: every price and wage
/// the model pays times the index, so that the simulation, its rationing and its twin
/// all pay the same prices. The municipality's tariff factor
/// (`services.specialised_financing.tariff_factor`) comes on top for the specialised
/// tariffs. Applied once per set when it is compiled (`CompiledModel`).
extension ModelParameters {
    /// This set with its prices at `budget.priceIndex` and its specialised tariffs also at
    /// the tariff factor (the set itself when both are 1).
    var atItsPrices: ModelParameters {
        let index = budget.priceIndex
        let tariffs = index * services.specialisedFinancing.tariffFactor
        guard index != 1 || tariffs != 1 else { return self }
        var p = self
        p.services.specialisedAmbulant.tariffEurPerDay *= tariffs
        p.services.residential.tariffEurPerDay *= tariffs
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
