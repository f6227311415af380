import CareModel
import ScenarioIO

/// The one seam between a group's decisions and the model: the decisions so far (one
/// set of lever values per budget year played) become scenario overrides.
///
/// The numbers are dated exactly, so that earlier years keep the decisions made for
/// them: the cut as `budget.cut.schedule` (a cut per budget year from the first round),
/// the budget shares as dated values (`key={values: {date: value, …}, between: step}`,
/// the starting point's value from the horizon's start, then each year's decision from
/// its 1 January). The choices (deficit policy, financing model, coordination) cannot be
/// dated (dated values are for numbers only): for them the latest decision holds for
/// every simulated year, so changing one in a later round also changes the years
/// already played when they are simulated again.
public enum DecisionOverrides {
    /// The round levers: every page lever except the runway, which a cut per year replaces.
    public static var levers: [Lever] { Lever.all.filter { $0.key != "budget.cut.runway_years" } }

    /// Levers whose earlier years keep their own decisions (the others take the latest).
    public static var datedExactly: Set<String> { Set(levers.filter { $0.control == .slider }.map(\.key)) }

    /// - Parameters:
    ///   - decisions: for each year played so far (in order), the value of every round lever.
    ///   - starting: the starting point's values (in force before the first round).
    ///   - horizonStart: the first simulated day (where a dated value starts).
    public static func overrides(_ decisions: [(year: Int, values: [String: String])], starting: [String: String],
                                 horizonStart: CalendarDate) -> [String] {
        guard let first = decisions.first, let latest = decisions.last else { return [] }
        var out: [String] = []
        let cuts = decisions.map { $0.values["budget.cut.fraction"] ?? "0" }
        out.append("budget.cut={fraction: \(cuts.last!), start: \(first.year)-01-01, schedule: [\(cuts.joined(separator: ", "))]}")
        for lever in levers where lever.key != "budget.cut.fraction" {
            if datedExactly.contains(lever.key) {
                var points: [DatedSeries.Point] = []
                for (year, text) in [(horizonStart.year, starting[lever.key])] + decisions.map({ ($0.year, $0.values[lever.key]) }) {
                    guard let text, let value = Double(text), points.last?.value != value else { continue }
                    let date = year == horizonStart.year ? horizonStart : CalendarDate(year: year, month: 1, day: 1)!
                    points.append(DatedSeries.Point(date: date, value: value))
                }
                // Decisions as written when one is not a number: the loader says what is wrong with it.
                if let bad = decisions.last(where: { Double($0.values[lever.key] ?? "0") == nil }) {
                    out.append("\(lever.key)=\(bad.values[lever.key]!)")
                } else if points.count > 1 {
                    out.append(DatedSeries(key: lever.key, between: .step, values: points).assignment)
                }
            } else if let value = latest.values[lever.key] {
                out.append("\(lever.key)=\(value)")
            }
        }
        return out
    }
}
