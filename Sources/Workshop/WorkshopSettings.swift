import Foundation

/// What `runway serve` allows and where it writes. Every request is checked against
/// these caps before anything runs (HTTP 400 with the cap in the message).
public struct WorkshopSettings: Sendable {
    /// Shipped scenarios offered as starting points.
    public var scenariosFolder = "Scenarios"
    /// The only folder the server writes into (run folders for "download this run").
    public var outputFolder = "Output/workshop"
    /// Simulation threads: never more replications at once than this (default: the cores).
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Comparisons admitted at once (queued or running); more are refused with a message.
    public var maxRuns = 12
    public var maxChildren = 100_000
    public var maxReplications = 40
    public var defaultReplications = 20
    public var maxHorizonYears = 30
    /// Households whose stories replication 0 tells (the page shows one of them).
    public var stories = 8
    /// Applied to every starting point before the page's levers: the workshop's horizon.
    public var horizon = WorkshopSettings.workshopHorizon
    /// Required in the `X-Access-Code` header (or `code` query) of every API call when set.
    public var accessCode: String?
    /// Largest request body accepted (bytes); a lever change is a few hundred.
    public var maxBodyBytes = 16 * 1024
    /// Pages (clients) and finished comparisons forgotten after this many seconds unused.
    public var expirySeconds: Double = 4 * 3600
    /// Recorded in run.json of a downloaded run.
    public var runwayVersion = "unknown"

    public init() {}

    /// A settled start in 2010 (each child drawn in the state the mean-field twin, waiting
    /// lists included, expects) with three years to settle, and the reported years
    /// 2013–2024: 15 simulated years. baseline.yaml itself needs no warm-up after its
    /// settled start, but every shipped scenario is a starting point, and those whose
    /// additions the twin leaves out (money problems, a regional pool, school-to-work,
    /// care to 23) start them from nothing and keep three years.
    public static let workshopHorizon = [
        "horizon.start=2010-01-01", "horizon.initial_state=settled", "horizon.warmup_until=2013-01-01", "horizon.end=2025-01-01",
    ]
}
