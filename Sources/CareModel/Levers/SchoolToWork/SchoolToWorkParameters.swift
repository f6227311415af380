/// School-to-work support for young people from 16 to 23 (e.g. a job coach at school and
/// a youth desk after it): from `fromAge` a young person at home with a need gets an
/// extra chance that it resolves; one who reaches the leaving age with an unresolved
/// need and is not in care stays in the support until the need resolves or `untilAge`,
/// instead of leaving with it.
public struct SchoolToWorkParameters: Sendable, Codable, Equatable {
    public var enabled: Bool
    public var fromAgeYears: Double
    public var untilAgeYears: Double
    /// Extra hazard per year that a participant's need resolves.
    public var resolutionPerYear: Double
    /// Cost per participant per year (not youth-care money: reported apart).
    public var costEurPerParticipantPerYear: Double

    public init(enabled: Bool, fromAgeYears: Double, untilAgeYears: Double, resolutionPerYear: Double,
                costEurPerParticipantPerYear: Double) {
        self.enabled = enabled
        self.fromAgeYears = fromAgeYears
        self.untilAgeYears = untilAgeYears
        self.resolutionPerYear = resolutionPerYear
        self.costEurPerParticipantPerYear = costEurPerParticipantPerYear
    }
}
