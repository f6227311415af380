/// Household debts and poverty, linking the money domain to the youth domain: a
/// household can have money problems (a state that begins, lasts and ends), during which
/// its children's needs begin and get heavier faster; debt help (schuldhulpverlening),
/// with its own places and budget, takes the pressure off and may end the problems.
public struct DebtHelpParameters: Sendable, Codable, Equatable {
    /// Whether money problems are modelled as a household state at all.
    public var enabled: Bool
    /// Hazard per year that a household with children gets money problems, per risk group (population order).
    public var moneyProblemsPerYear: [Double]
    /// Hazard per year that money problems end without help.
    public var resolvePerYear: Double
    /// Hazard per year that a household with money problems asks for (or is sent to) debt help.
    public var applyPerYear: Double
    /// Factors on the children's onset and escalation hazards while the problems last and
    /// are not under debt help (while debt help runs the factors are 1).
    public var onsetMultiplier: Double
    public var escalationMultiplier: Double
    /// The municipality's debt-help budget (not youth-care money) and what one household's help costs a year.
    public var budgetEurPerYear: Double
    public var costPerHouseholdEurPerYear: Double
    public var duration: DurationSpec
    /// Chance that debt help ends the money problems; otherwise they go on.
    public var resolveProbability: Double

    public init(enabled: Bool, moneyProblemsPerYear: [Double], resolvePerYear: Double, applyPerYear: Double,
                onsetMultiplier: Double, escalationMultiplier: Double, budgetEurPerYear: Double,
                costPerHouseholdEurPerYear: Double, duration: DurationSpec, resolveProbability: Double) {
        self.enabled = enabled
        self.moneyProblemsPerYear = moneyProblemsPerYear
        self.resolvePerYear = resolvePerYear
        self.applyPerYear = applyPerYear
        self.onsetMultiplier = onsetMultiplier
        self.escalationMultiplier = escalationMultiplier
        self.budgetEurPerYear = budgetEurPerYear
        self.costPerHouseholdEurPerYear = costPerHouseholdEurPerYear
        self.duration = duration
        self.resolveProbability = resolveProbability
    }
}
