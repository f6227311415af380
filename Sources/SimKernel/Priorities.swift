/// Named priorities for same-time events: a lower value runs first.
///
/// The order within one instant is: close the period that ends now, then apply
/// budget and capacity changes, then releases (care ends), then everything else,
/// then arrivals. So a period holds exactly the events strictly before its end,
/// and a place freed at time t is offered to the queue before new arrivals at t.
public enum EventPriority {
    public static let periodClose: UInt8 = 0
    public static let yearStart: UInt8 = 10
    public static let release: UInt8 = 50
    public static let transition: UInt8 = 100
    public static let arrival: UInt8 = 150
}
