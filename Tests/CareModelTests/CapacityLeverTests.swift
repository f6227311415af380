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
}
