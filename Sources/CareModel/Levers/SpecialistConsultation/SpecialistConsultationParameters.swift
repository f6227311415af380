/// Quick consultation (snelle consultatie): a child psychiatrist (or another specialist)
/// advises the neighbourhood team on a case it would otherwise refer on, so that the team
/// resolves it itself. It needs both the teams' time and a budget that pays the specialist;
/// without either it does nothing.
public struct SpecialistConsultationParameters: Sendable, Codable, Equatable {
    /// Hours per team per week the teams set aside for consultation.
    public var hoursPerTeamPerWeek: Double
    /// The consultation budget (its own line, not the team's budget), per year.
    public var budgetEurPerYear: Double
    /// What an hour of the specialist's time costs.
    public var costEurPerHour: Double
    /// Hours one consulted case takes.
    public var hoursPerCase: Double
    /// Full-time professionals per neighbourhood team (the teams are the team's FTE / this).
    public var ftePerTeam: Double
    /// Of the consulted cases the team would have referred on, the share it resolves itself.
    public var resolveShare: Double

    public init(hoursPerTeamPerWeek: Double, budgetEurPerYear: Double, costEurPerHour: Double, hoursPerCase: Double,
                ftePerTeam: Double, resolveShare: Double) {
        self.hoursPerTeamPerWeek = hoursPerTeamPerWeek
        self.budgetEurPerYear = budgetEurPerYear
        self.costEurPerHour = costEurPerHour
        self.hoursPerCase = hoursPerCase
        self.ftePerTeam = ftePerTeam
        self.resolveShare = resolveShare
    }
}

/// The consultation as the event loop uses it; off unless hours, budget and effect are all above 0.
struct SpecialistConsultation: Sendable {
    let enabled: Bool
    let hoursPerYearPerTeam: Double
    let budgetEurPerYear: Double
    let costEurPerHour: Double
    let hoursPerCase: Double
    let ftePerTeam: Double
    let resolveShare: Double

    init(_ p: SpecialistConsultationParameters) {
        enabled = p.hoursPerTeamPerWeek > 0 && p.budgetEurPerYear > 0 && p.hoursPerCase > 0 && p.resolveShare > 0
        hoursPerYearPerTeam = p.hoursPerTeamPerWeek * daysPerYear / 7
        budgetEurPerYear = p.budgetEurPerYear
        costEurPerHour = p.costEurPerHour
        hoursPerCase = p.hoursPerCase
        ftePerTeam = p.ftePerTeam
        resolveShare = p.resolveShare
    }

    /// Cases the year's hours and budget allow, with `teamFte` full-time professionals in the teams.
    func casesPerYear(teamFte: Double) -> Double {
        guard enabled, ftePerTeam > 0 else { return 0 }
        let teamHours = hoursPerYearPerTeam * teamFte / ftePerTeam
        let paidHours = costEurPerHour > 0 ? budgetEurPerYear / costEurPerHour : .infinity
        return min(teamHours, paidHours) / hoursPerCase
    }
}
