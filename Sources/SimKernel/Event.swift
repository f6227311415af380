/// One scheduled event: a plain value of 24 bytes, so the event list never allocates per
/// event and its heap moves little memory.
///
/// The kernel does not know what an event means: `kind`, `subject` and `token` are
/// the model's to interpret (typically an event kind, an entity index, and a token
/// that lets the model recognise events it has since cancelled).
public struct Event: Sendable, Equatable {
    /// Simulated time, in the model's unit (Runway uses days).
    public let time: Double
    /// Priority in the top 8 bits, insertion sequence in the next 48, kind in the low 8.
    /// One integer comparison orders same-time events: lower priority value first, then
    /// first scheduled first (sequences are unique, so the kind never decides). Packing the
    /// kind here makes the event 24 bytes instead of 32 (issue 17).
    @usableFromInline let order: UInt64
    public let subject: Int32
    public let token: UInt32

    /// Kinds are 0...`maxKind`; sequences 0...`maxSequence` (2.8 · 10^14 events: at 10
    /// million events a second, nine years of one run).
    public static let maxKind: UInt32 = 255
    public static let maxSequence: UInt64 = (1 << 48) - 1

    @inlinable
    init(time: Double, priority: UInt8, sequence: UInt64, kind: UInt32, subject: Int32, token: UInt32) {
        self.time = time
        self.order = UInt64(priority) << 56 | (sequence & Event.maxSequence) << 8 | UInt64(kind & Event.maxKind)
        self.subject = subject
        self.token = token
    }

    @inlinable public var kind: UInt32 { UInt32(truncatingIfNeeded: order & 0xFF) }
    @inlinable public var priority: UInt8 { UInt8(truncatingIfNeeded: order >> 56) }
    @inlinable public var sequence: UInt64 { (order >> 8) & Event.maxSequence }

    /// The event list's total order: (time, priority, sequence).
    @inlinable @inline(__always)
    static func runsBefore(_ a: Event, _ b: Event) -> Bool {
        a.time < b.time || (a.time == b.time && a.order < b.order)
    }
}
