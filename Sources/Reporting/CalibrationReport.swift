import Experiments

/// `fit_report.csv` (`runway calibrate`): one row per target, at the fitted values. A
/// quantity may appear once per year (dated targets), so the table has no primary key.
public enum CalibrationReport {
    public static let columns: [(name: String, unit: String, meaning: String)] = [
        ("year", "year", "the budget year of a dated target; empty: the mean over the horizon after warm-up"),
        ("quantity", "name", "the calibration quantity (see Scenarios/targets-2015.csv)"),
        ("target", "quantity's unit", "the published figure (from the targets file)"),
        ("weight", "weight", "its weight in the objective (from the targets file; 0: reported, not fitted)"),
        ("source", "text", "where the figure comes from (from the targets file)"),
        ("simulated_mean", "quantity's unit", "the simulated mean over the replications, at the fitted values"),
        ("ci95_lower", "quantity's unit", "lower end of the 95 % confidence interval of that mean (Student's t)"),
        ("ci95_upper", "quantity's unit", "upper end of that interval"),
        ("relative_error", "fraction", "(simulated_mean - target) / target"),
    ]

    public static func csv(_ fit: CalibrationFit) -> String {
        var out = CSVFormat.line(columns.map(\.name))
        for row in fit.rows {
            let goal = row.target, stats = row.simulated
            out += CSVFormat.line([goal.year.map(String.init) ?? "", goal.quantity.rawValue, CSVFormat.number(goal.value), CSVFormat.number(goal.weight), goal.source,
                                   CSVFormat.number(stats.mean), CSVFormat.number(stats.lower95), CSVFormat.number(stats.upper95),
                                   CSVFormat.number(row.relativeError)])
        }
        return out
    }
}
