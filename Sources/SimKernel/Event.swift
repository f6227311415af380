/// One scheduled event: a plain value, so the event list never allocates per event.
///
/// The kernel does not know what an event means: `kind`, `subject` and `token` are
/// the model's to interpret (typically an event kind, an entity index, and a token
/// that lets the model recognise events it has since cancelled).
public struct Event: Sendable, Equatable {
    /// Simulated time, in the model's unit (Runway uses days).
    public let time: Double
    /// Priority in the top 8 bits, insertion sequence in the low 56 bits, so one
    /// integer comparison orders same-time events: lower priority value first,
    /// then first scheduled first.
    @usableFromInline let order: UInt64
    public let kind: UInt32
    public let subject: Int32
    public let token: UInt32

    @inlinable
    init(time: Double, priority: UInt8, sequence: UInt64, kind: UInt32, subject: Int32, token: UInt32) {
        self.time = time
        self.order = UInt64(priority) << 56 | (sequence & Event.sequenceMask)
        self.kind = kind
        self.subject = subject
        self.token = token
    }

    @usableFromInline static let sequenceMask: UInt64 = (1 << 56) - 1

    public var priority: UInt8 { UInt8(truncatingIfNeeded: order >> 56) }
    public var sequence: UInt64 { order & Event.sequenceMask }

    /// The event list's total order: (time, priority, sequence).
    @inlinable @inline(__always)
    static func runsBefore(_ a: Event, _ b: Event) -> Bool {
        a.time < b.time || (a.time == b.time && a.order < b.order)
    }
}
