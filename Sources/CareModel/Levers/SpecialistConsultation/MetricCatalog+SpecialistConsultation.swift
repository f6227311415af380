extension MetricCatalog {
    /// Quick consultation (policies.specialist_consultation); 0 unless it has hours and a budget.
    static let specialistConsultation: [MetricDefinition] = [
        .init("specialist_consultations", "cases", "team cases whose episode did not resolve the need that the team discussed with a specialist (snelle consultatie) in the period, while the year's hours and budget lasted", .total) {
            Double($0.levers.specialistConsultation.period.consultations)
        },
        .init("specialist_consultation_resolved", "cases", "of specialist_consultations, the cases the team then resolved itself instead of referring them on", .total) {
            Double($0.levers.specialistConsultation.period.resolved)
        },
        .init("specialist_consultation_spending_eur", "EUR", "the consultation budget spent in the period: consultations x hours_per_case x cost_eur_per_hour (its own budget line, not youth-care money in spending_total_eur)", .total) {
            let c = $0.model.levers.specialistConsultation
            return Double($0.levers.specialistConsultation.period.consultations) * c.hoursPerCase * c.costEurPerHour
        },
    ]
}
