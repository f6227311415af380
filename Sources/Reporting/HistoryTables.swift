/// The columns of the history section's tables (`runway validate-model --history`):
/// `history_yearly.csv`, `history_changes.csv` and `history_fit.csv` (the latter has the
/// calibration fit's columns, `CalibrationReport.columns`).
public enum HistoryTables {
    public static let yearlyColumns: [(name: String, unit: String, meaning: String)] = [
        ("budget_year", "year", "the budget year (1 January to 31 December)"),
        ("quantity", "name", "users_without_stay_per_1000, users_with_stay_per_1000, users_youth_protection_per_1000 (distinct children in the year per 1,000 children), spending_per_child_eur, deficit_share_of_income, mean_stay_days_ended_ambulant, mean_stay_days_ended_residential (stays ended in the year), income_per_child_eur, spending_per_user_eur (per distinct child in youth care), mean_stay_days_started_ambulant, mean_stay_days_started_residential (stays begun in the year, realised when they end; right-censored at the horizon's end), mean_stay_days_planned_started_ambulant (their first episode's drawn length)"),
        ("unit", "text", "the quantity's unit: per 1,000 children, EUR per child, fraction, days"),
        ("replications", "number", "replications with a defined value (a year in which no stay ended has none)"),
        ("mean", "quantity's unit", "the mean over those replications"),
        ("ci95_lower", "quantity's unit", "lower end of the 95 % confidence interval of the mean (Student's t)"),
        ("ci95_upper", "quantity's unit", "upper end of that interval"),
    ]

    public static let changesColumns: [(name: String, unit: String, meaning: String)] = [
        ("quantity", "name", "a quantity of history_yearly.csv"),
        ("from_year", "year", "the transfer year (2015), the last year whose figures may be fitted"),
        ("to_year", "year", "the later year (2019, 2023)"),
        ("change", "text", "relative: to_year's value / from_year's value - 1; difference: to_year's value - from_year's value (for deficit_share_of_income, already a fraction)"),
        ("replications", "number", "replications with both years defined"),
        ("mean", "fraction", "the mean change, computed within each replication (its own noise cancels)"),
        ("ci95_lower", "fraction", "lower end of the 95 % confidence interval of the mean change (Student's t)"),
        ("ci95_upper", "fraction", "upper end of that interval"),
    ]
}
