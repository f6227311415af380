extension MetricCatalog {
    /// The population and its needs.
    static let needs: [MetricDefinition] = [
        .init("children", "children", "children present at the end of the period", .stock) { Double($0.aliveCount) },
        .init("births", "children", "children born (entering the population) in the period", .total) { Double($0.recorder.counters.births) },
        .init("leavers", "children", "young people who reached the leaving age in the period", .total) { Double($0.recorder.counters.leavers) },
        .init("needs_light", "children", "children with a light need at the end of the period", .stock) { Double($0.needCount[1]) },
        .init("needs_moderate", "children", "children with a moderate need at the end of the period", .stock) { Double($0.needCount[2]) },
        .init("needs_severe", "children", "children with a severe need at the end of the period", .stock) { Double($0.needCount[3]) },
        .init("needs_undetected", "children", "children with a need that no service has noticed (not waiting, not in care) at the end of the period", .stock) { Double($0.undetectedCount) },
        .init("onsets", "children", "new needs that began in the period (including relapses)", .total) { Double($0.recorder.counters.onsets) },
    ]

    /// Need-days weighted by severity.
    static let wellbeing: [MetricDefinition] = [
        .init("burden_index", "weighted need-days per child-year", "need-days weighted by severity (light 1, moderate, severe: see population.needs.burden_weights), per child per year, over the period", .average) {
            $0.integrals.childDays > 0 ? $0.integrals.weightedNeedDays / $0.integrals.childDays * daysPerYear : 0
        },
    ]
}
