import CareModel

/// A lever the workshop page shows: a scenario key, with a plain-language label (the
/// Dutch term beside the English), its unit and its control. What the page sends for it
/// becomes a `key=value` override and goes through the scenario loader's checks, as a
/// `--set` on the command line does; the page's own ranges only keep the slider sensible.
public struct Lever: Sendable, Encodable {
    public enum Control: String, Sendable, Encodable { case slider, choice, toggle }

    public struct Option: Sendable, Encodable {
        public let value: String
        public let label: String
    }

    /// The scenario key, e.g. `budget.cut.fraction`.
    public let key: String
    public let label: String
    /// The Dutch term users know, shown beside the label.
    public let dutch: String
    /// The unit as the page shows it.
    public let unit: String
    public let control: Control
    /// Slider: the range and step in the page's unit.
    public let minimum: Double
    public let maximum: Double
    public let step: Double
    /// Slider: page value = scenario value × scale (fractions as percent).
    public let scale: Double
    public let options: [Option]
    public let help: String
    let read: @Sendable (ModelParameters) -> String

    enum CodingKeys: String, CodingKey { case key, label, dutch, unit, control, minimum, maximum, step, scale, options, help }

    static func slider(_ key: String, _ label: String, _ dutch: String, unit: String, range: ClosedRange<Double>, step: Double,
                       scale: Double = 1, help: String, read: @escaping @Sendable (ModelParameters) -> Double) -> Lever {
        Lever(key: key, label: label, dutch: dutch, unit: unit, control: .slider, minimum: range.lowerBound, maximum: range.upperBound,
              step: step, scale: scale, options: [], help: help, read: { String(read($0)) })
    }

    static func choice(_ key: String, _ label: String, _ dutch: String, options: [Option], help: String,
                       read: @escaping @Sendable (ModelParameters) -> String) -> Lever {
        Lever(key: key, label: label, dutch: dutch, unit: "", control: .choice, minimum: 0, maximum: 0, step: 0, scale: 1,
              options: options, help: help, read: read)
    }

    static func toggle(_ key: String, _ label: String, _ dutch: String, help: String, read: @escaping @Sendable (ModelParameters) -> Bool) -> Lever {
        Lever(key: key, label: label, dutch: dutch, unit: "", control: .toggle, minimum: 0, maximum: 0, step: 0, scale: 1,
              options: [Option(value: "false", label: "off"), Option(value: "true", label: "on")], help: help, read: { String(read($0)) })
    }

    /// The scenario's value of this lever, as the scenario file writes it.
    public func value(in parameters: ModelParameters) -> String { read(parameters) }

    /// The main levers of the issue: the size of the cut, the runway, the prevention
    /// budgets, the deficit policy, the financing model, the price paid to providers and a
    /// coordinator per family;
    /// and the three the Transition Committee named (consultation, own network, community work).
    public static let all: [Lever] = [
        .slider("budget.cut.fraction", "Budget cut", "bezuiniging", unit: "% of the youth budget", range: 0...30, step: 1, scale: 100,
                help: "How much of the youth-care income is cut once it has fully landed.") { $0.budget.cut.fraction },
        .slider("budget.cut.runway_years", "Runway: years to phase the cut in", "ingroeipad", unit: "years (0 = overnight)",
                range: 0...10, step: 1, help: "0 lands the whole cut on its start date, as on 1 January 2015; N phases it in over N years.") {
            $0.budget.cut.runwayYears ?? 0
        },
        .slider("services.neighbourhood_team.budget_share", "Neighbourhood team budget", "wijkteam", unit: "% of the youth income",
                range: 2...15, step: 0.5, scale: 100, help: "The team's share of the income: its staff, and so the children it can help at once.") {
            $0.services.neighbourhoodTeam.budgetShare
        },
        .slider("services.youth_health_care.budget_share", "Youth health care budget (prevention)", "jeugdgezondheidszorg, JGZ",
                unit: "% of the youth income", range: 5...20, step: 0.5, scale: 100,
                help: "JGZ's share of the income: its contacts with every child and the early help it gives itself.") {
            $0.services.youthHealthCare.budgetShare
        },
        .choice("budget.deficit_policy", "When the money runs out", "tekortbeleid", options: [
            Option(value: "absorb", label: "pay from the reserve, then the general funds"),
            Option(value: "cut_prevention", label: "cut next year's prevention budgets"),
            Option(value: "ration_specialised", label: "ration specialised places next year"),
        ], help: "What the municipality does after a year with a deficit.") { $0.budget.deficitPolicy.rawValue },
        .choice("services.specialised_financing.model", "How specialised care is paid", "bekostiging", options: [
            Option(value: "per_day", label: "per day in care (p × q)"),
            Option(value: "per_trajectory", label: "per trajectory (trajectfinanciering)"),
            Option(value: "population_budget", label: "population budget (populatiebekostiging)"),
        ], help: "Providers respond to how they are paid: episode lengths differ by model.") { $0.services.specialisedFinancing.model.rawValue },
        .slider("services.specialised_financing.tariff_factor", "Price paid to providers", "tarief", unit: "% of the listed tariffs",
                range: 70...110, step: 1, scale: 100,
                help: "What the municipality pays per day of specialised care against the listed tariffs: a cut can land on the price (as the 2015 transition arrangements did) instead of on places or prevention.") {
            $0.services.specialisedFinancing.tariffFactor
        },
        .toggle("policies.coordination.enabled", "One family, one plan, one coordinator", "één gezin, één plan, één regisseur",
                help: "At most two providers per household at once, and hand-overs halved.") { $0.policies.coordination.enabled },
        .slider("policies.specialist_consultation.budget_eur_per_year", "Budget for quick consultation", "snelle consultatie",
                unit: "thousand EUR per year", range: 0...200, step: 5, scale: 0.001,
                help: "Pays a child psychiatrist to advise the neighbourhood team on cases it would refer on (the teams' hours are the scenario's). Without a budget it does nothing.") {
            $0.levers.specialistConsultation.budgetEurPerYear
        },
        .slider("policies.own_network.share", "Own network before a placement", "JIM, netwerkberaad", unit: "% of youths at risk of a placement",
                range: 0...100, step: 5, scale: 100,
                help: "Youths referred to residential care or about to be placed get a mentor they choose or a network meeting: fewer and shorter placements, at a cost per case.") {
            $0.levers.ownNetwork.share
        },
        .slider("policies.community_work.share_flagged", "Team tells community work what it sees", "opbouwwerk", unit: "% of the team's households",
                range: 0...100, step: 5, scale: 100,
                help: "Households the team passes on join collective work in the neighbourhood: fewer new needs there, but only after years.") {
            $0.levers.communityWork.shareFlagged
        },
    ]

    public static func named(_ key: String) -> Lever? { all.first { $0.key == key } }
}
