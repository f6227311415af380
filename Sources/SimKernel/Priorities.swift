/// Priorities the kernel's own users share for same-time events: a lower value runs first.
///
/// A place freed at time t is offered to the queue before a new arrival at t takes it
/// (simmer orders releases before seizes the same way). A model adds its own phases
/// between and around these (CareModel's `ModelPriority`).
public enum EventPriority {
    public static let release: UInt8 = 50
    public static let arrival: UInt8 = 150
}
