import CareModel

/// The one seam between a group's decisions and the model: the decisions so far (one
/// set of lever values per budget year played) become scenario overrides.
///
/// Exact today for the budget cut: each year's cut goes into `budget.cut.schedule` (a
/// cut per budget year from the first round), so earlier years keep the cut chosen for
/// them. The other levers have no dated form yet: until dated parameter values exist
/// (issue 12, item 1), the latest decision holds for every simulated year, so a change
/// in round k also changes the years already played when they are simulated again.
/// When dated values land, this function is the only thing to change: each lever
/// becomes `key={values: {year-01-01: value, …}, between: step}`.
public enum DecisionOverrides {
    /// The round levers: every page lever except the runway, which a cut per year replaces.
    public static var levers: [Lever] { Lever.all.filter { $0.key != "budget.cut.runway_years" } }

    /// Levers whose earlier years keep their own decisions (the others take the latest).
    public static let datedExactly: Set<String> = ["budget.cut.fraction"]

    /// - Parameters:
    ///   - decisions: for each year played so far (in order), the value of every round lever.
    ///   - firstYear: the first round's budget year (the cut schedule starts there).
    public static func overrides(_ decisions: [(year: Int, values: [String: String])], firstYear: Int) -> [String] {
        guard let latest = decisions.last else { return [] }
        var out: [String] = []
        let cuts = decisions.map { $0.values["budget.cut.fraction"] ?? "0" }
        out.append("budget.cut={fraction: \(cuts.last!), start: \(firstYear)-01-01, schedule: [\(cuts.joined(separator: ", "))]}")
        for lever in levers where !datedExactly.contains(lever.key) {
            if let value = latest.values[lever.key] { out.append("\(lever.key)=\(value)") }
        }
        return out
    }
}
