extension MetricCatalog {
    /// The old regime's access (policies.old_regime), before the transition date.
    static let oldRegime: [MetricDefinition] = [
        .init("old_regime_indications", "referrals", "needs the indication body (Bureau Jeugdzorg) took into its indication step in the period, under policies.old_regime before the transition (not municipal administration)", .total) {
            Double($0.recorder.counters.oldRegimeIndications)
        },
        .init("turned_away", "children", "light needs the indication body turned away in the period, under policies.old_regime before the transition (the child goes home, the need unnoticed)", .total) {
            Double($0.recorder.counters.turnedAway)
        },
    ]
}
