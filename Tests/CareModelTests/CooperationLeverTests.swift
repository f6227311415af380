import CareModel
import Experiments
import Testing

/// Levers of cooperation between organisations: how the teams are organised,
/// hand-overs, and one coordinator per family.
extension LeverTests {
    static let handover = ["policies.handover.mean_days=30", "policies.handover.duplicate_intake_days=10"]
    /// Places enough that no waiting list binds. With full lists a faster hand-over only
    /// moves the wait from the hand-over into the queue (the time to help stays the same).
    static let placesEnough = ["services.specialised_ambulant.places_per_1000_children=80",
                               "services.residential.places_per_1000_children=12", "services.neighbourhood_team.budget_share=0.1"]

    @Test func separateYouthAndHouseholdTeamsMeanMoreProvidersPerHousehold() throws {
        let separate = ["services.neighbourhood_team.organisation=separate"]
        let providers = try Self.difference("providers_per_household", off: [], on: separate)
        #expect(providers.difference.lower95 > 0, "providers per household, separate - integrated: \(providers.difference.mean)")
        // With hand-overs, the family's own request now passes one more.
        let handovers = try Self.difference("handovers", off: Self.handover, on: Self.handover + separate)
        #expect(handovers.difference.lower95 > 0, "hand-overs: \(handovers.difference.mean)")
    }

    @Test func oneCoordinatorPerFamilyMeansFewerProvidersAndShorterHandovers() throws {
        let coordinated = ["policies.coordination.enabled=true"]
        // The cap binds for few households, so this runs at 12,000 children (at 3,000 the interval touches 0).
        let providers = try Self.difference("providers_per_household", off: Self.larger, on: Self.larger + coordinated)
        #expect(providers.difference.upper95 < 0, "providers per household, on - off: \(providers.difference.mean)")
        let many = try Self.difference("households_3plus_providers_share", off: [], on: coordinated)
        #expect(many.meanA > 0 && many.meanB == 0, "households with 3+ providers: \(many.meanA) -> \(many.meanB) (cap 2)")
        let days = try Self.difference("mean_days_to_help", off: Self.handover + Self.placesEnough, on: Self.handover + Self.placesEnough + coordinated)
        #expect(days.difference.upper95 < 0, "days from noticed to help, on - off: \(days.difference.mean)")
    }

    @Test func shorterHandoversMeanShorterTimeFromDetectionToHelp() throws {
        let short = ["policies.handover.mean_days=7", "policies.handover.duplicate_intake_days=10"]
        let days = try Self.difference("mean_days_to_help", off: Self.handover + Self.placesEnough, on: short + Self.placesEnough)
        #expect(days.difference.upper95 < 0, "days from noticed to help, 7 - 30 day hand-overs: \(days.difference.mean) [\(days.difference.lower95), \(days.difference.upper95)]")
        let inStep = try Self.difference("in_referral_step", off: Self.handover, on: short)
        #expect(inStep.difference.upper95 < 0)
    }
}
