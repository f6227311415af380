import SimKernel

/// The model's order of same-time events: a lower value runs first.
///
/// Within one instant: close the period that ends now, then put dated values in force, then apply budget and capacity
/// changes (a new budget year, the transition), then releases (care ends), then a child's
/// or household's own next state change, then arrivals. So a period holds exactly the
/// events strictly before its end, and a place freed at time t is offered to the queue
/// before new arrivals at t.
enum ModelPriority {
    static let periodClose: UInt8 = 0
    /// Dated values change after the period that ends now is recorded, before a budget year opens.
    static let parameterChange: UInt8 = 5
    static let yearStart: UInt8 = 10
    static let release = EventPriority.release
    /// The default: a child's or household's next hazard, milestone or contact.
    static let stateChange: UInt8 = 100
    static let arrival = EventPriority.arrival
}
