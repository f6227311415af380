/// Quick consultation (policies.specialist_consultation): a team case that its episode did
/// not resolve is discussed with a specialist while the year's hours and budget last.
extension Replication {
    /// A budget year opened: the cases its hours and budget allow (the team's FTE as funded this year).
    func openConsultationYear() {
        let c = model.levers.specialistConsultation
        guard c.enabled else {
            levers.specialistConsultation.casesLeft = 0
            return
        }
        let caseload = model.parameters.services.neighbourhoodTeam.staffing.caseloadPerFte
        levers.specialistConsultation.casesLeft = c.casesPerYear(teamFte: caseload > 0 ? Double(fundedTeamPlaces) / caseload : 0)
    }

    /// The team consults a specialist on a case it would refer on; true when the team then resolves it.
    func consultSpecialist(_ i: Int) -> Bool {
        levers.specialistConsultation.casesLeft -= 1
        levers.specialistConsultation.period.consultations += 1
        let resolved = streams.levers.bernoulli(model.levers.specialistConsultation.resolveShare)
        if resolved { levers.specialistConsultation.period.resolved += 1 }
        tell(i, resolved ? SpecialistConsultation.resolvedLine : SpecialistConsultation.referredLine)
        return resolved
    }
}

/// The consultations left this budget year, and the period's counters.
struct SpecialistConsultationState {
    var casesLeft = 0.0
    var period = Period()

    struct Period {
        var consultations = 0, resolved = 0
    }
}

extension SpecialistConsultation {
    static let resolvedLine = StoryBook.LeverLine(
        text: "the neighbourhood team asked a child psychiatrist for advice (snelle consultatie) and could help the family itself, without a referral.")
    static let referredLine = StoryBook.LeverLine(
        text: "the neighbourhood team asked a child psychiatrist for advice (snelle consultatie), but still had to refer on.")
}
