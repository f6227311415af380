extension MetricCatalog {
    /// The open-ended entitlement's behaviour (policies.open_entitlement, the financing
    /// model at reviews, supply that follows paid demand): what the money made happen.
    static let openEntitlement: [MetricDefinition] = [
        .init("team_referrals_of_closable_cases", "referrals", "cases the neighbourhood team could have closed (their need resolved) that it referred on to paid specialised care in the period (policies.open_entitlement.team_refers_on); also counted in referrals_team", .total) {
            Double($0.recorder.counters.teamReferredOn)
        },
        .init("episodes_prolonged_at_review", "episodes", "specialised episodes whose need had resolved that per-day payment prolonged at their review in the period (services.specialised_financing.review_share)", .total) {
            Double($0.recorder.counters.prolongedAtReview)
        },
        .init("episodes_closed_at_review", "episodes", "unresolved specialised episodes closed at their review in the period under payment per trajectory or a population budget (services.specialised_financing.review_share); the child goes home with its need", .total) {
            Double($0.recorder.counters.closedAtReview)
        },
        .init("induced_referral_factor", "factor", "the factor on the GP channel from the places providers have added (services.specialised_capacity_growth.induced_referrals); 1 = none", .average) {
            $0.inducedNow
        },
        .init("team_places_added", "places", "neighbourhood team places added on top of the team's budget because its list was long (services.neighbourhood_team.places_per_waiting_child), paid at its cost per place", .stock) {
            $0.extraTeamPlaces.rounded(.down)
        },
    ]
}
