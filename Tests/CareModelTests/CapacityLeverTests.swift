import CareModel
import Experiments
import Testing

/// Places and staff that follow demand, or cannot.
extension LeverTests {
    @Test func placesThatGrowWithWaitingListsShortenWaits() throws {
        let growing = Self.larger + ["services.specialised_capacity_growth.places_per_waiting_child=0.5"]
        let places = try Self.difference("capacity_ambulant", off: Self.larger, on: growing)
        #expect(places.difference.lower95 > 0, "ambulant places, growing - fixed: \(places.difference.mean)")
        let wait = try Self.difference("mean_wait_days_ambulant", off: Self.larger, on: growing)
        #expect(wait.difference.upper95 < 0, "ambulant wait, growing - fixed: \(wait.difference.mean) [\(wait.difference.lower95), \(wait.difference.upper95)]")
    }

    /// A region of four municipalities of the same size and the same places per child,
    /// sharing its providers: one large pool waits less than four small ones (queueing's
    /// economy of scale), and the municipality's own columns count its own children only.
    @Test func sharingProvidersInARegionShortensWaits() throws {
        let region = Self.larger + ["services.region.other_children=36000"]
        let wait = try Self.difference("mean_wait_days_ambulant", off: Self.larger, on: region)
        #expect(wait.difference.upper95 < 0, "ambulant wait, region - alone: \(wait.difference.mean) [\(wait.difference.lower95), \(wait.difference.upper95)]")
        let others = try Self.difference("region_others_in_care", off: Self.larger, on: region)
        #expect(others.meanA == 0 && others.meanB > 0)
    }
}
