extension MetricCatalog {
    /// The family's own network (policies.own_network); 0 unless its share is above 0.
    static let ownNetwork: [MetricDefinition] = [
        .init("own_network_cases", "children", "youths at risk of a residential placement (referred to residential care, or about to be placed under youth protection) who got a mentor they chose (JIM) or a network meeting (netwerkberaad) in the period", .total) {
            Double($0.levers.ownNetwork.period.cases)
        },
        .init("own_network_placements_avoided", "children", "of own_network_cases, those whose placement was not needed (ambulant care instead, or no placement under youth protection)", .total) {
            Double($0.levers.ownNetwork.period.avoided)
        },
        .init("own_network_spending_eur", "EUR", "own_network_cases x policies.own_network.cost_eur_per_case (its own budget line, not youth-care money in spending_total_eur)", .total) {
            Double($0.levers.ownNetwork.period.cases) * $0.model.levers.ownNetwork.costEurPerCase
        },
    ]
}
