import CareModel
import ScenarioIO

/// The one seam between a group's decisions and the model: the decisions so far (one
/// set of lever values per budget year played) become scenario overrides.
///
/// Every decision is dated exactly, so that earlier years keep the decisions made for
/// them: the cut as `budget.cut.schedule` (a cut per budget year from the first round),
/// the budget shares and the choices (deficit policy, financing model, coordination) as
/// dated values in steps (`key={values: {date: value, …}, between: step}`: the starting
/// point's value from the horizon's start, then each year's decision from its 1 January).
/// Re-simulating from the start with the decisions so far therefore keeps the years
/// already played as they were (common random numbers).
public enum DecisionOverrides {
    /// The round levers: every page lever except the runway, which a cut per year replaces.
    public static var levers: [Lever] { Lever.all.filter { $0.key != "budget.cut.runway_years" } }

    /// - Parameters:
    ///   - decisions: for each year played so far (in order), the value of every round lever.
    ///   - starting: the starting point's values (in force before the first round).
    ///   - horizonStart: the first simulated day (where a dated value starts).
    public static func overrides(_ decisions: [(year: Int, values: [String: String])], starting: [String: String],
                                 horizonStart: CalendarDate) -> [String] {
        guard let first = decisions.first else { return [] }
        var out: [String] = []
        let cuts = decisions.map { $0.values["budget.cut.fraction"] ?? "0" }
        out.append("budget.cut={fraction: \(cuts.last!), start: \(first.year)-01-01, schedule: [\(cuts.joined(separator: ", "))]}")
        for lever in levers where lever.key != "budget.cut.fraction" {
            let isNumber = lever.control == .slider
            // Decisions as written when one is not a number (or not a plain option): the loader says what is wrong with it.
            if let bad = decisions.compactMap({ $0.values[lever.key] }).last(where: { !isValue($0, number: isNumber) }) {
                out.append("\(lever.key)=\(bad)")
                continue
            }
            var points: [DatedSeries.Point] = []
            for (year, text) in [(horizonStart.year, starting[lever.key])] + decisions.map({ ($0.year, $0.values[lever.key]) }) {
                guard let text else { continue }
                let date = year == horizonStart.year ? horizonStart : CalendarDate(year: year, month: 1, day: 1)!
                let point = isNumber ? DatedSeries.Point(date: date, value: Double(text)!) : DatedSeries.Point(date: date, choice: text)
                if points.last.map({ $0.value == point.value && $0.choice == point.choice }) == true { continue }
                points.append(point)
            }
            if points.count > 1 {
                out.append(DatedSeries(key: lever.key, between: .step, values: points).assignment)
            } else if let only = points.first, only.text != starting[lever.key] {
                out.append("\(lever.key)=\(only.text)")
            }
        }
        return out
    }

    /// A value that reads back as itself inside a dated block: a number, or an option's plain word.
    private static func isValue(_ text: String, number: Bool) -> Bool {
        if number { return Double(text) != nil }
        return !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
