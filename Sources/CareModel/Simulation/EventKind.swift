/// What a scheduled event means to the model (the kernel only sees a number). The
/// levers' own events have kinds from 64 up (`LeverEventKind`).
enum EventKind: UInt32 {
    /// An output period ends (and, on 1 January, a budget year).
    case periodBoundary = 0
    case birth = 1
    /// The child's next competing-hazard transition (onset, escalation, detection, ...).
    case hazard = 2
    /// The child reaches an age at which its rates change.
    case ageMilestone = 3
    /// The child reaches the leaving age.
    case ageOut = 4
    /// A scheduled youth health care (JGZ) contact.
    case jgzContact = 5
    /// A care episode ends.
    case careEnd = 6
    /// The transition to the new structures: cases handed over may be lost.
    case transition = 7
    /// Split JGZ organisations: a child in (or waiting for) early help reaches school age.
    case jgzTransfer = 9
    /// Dated values: the next parameter set takes over.
    case parameterChange = 13
}

extension EventKind {
    /// Whether an event of this kind has a child (a slot of the child table) as its subject.
    @inline(__always) static func hasChildSubject(_ kind: UInt32) -> Bool {
        switch EventKind(rawValue: kind) {
        case .hazard, .ageMilestone, .ageOut, .jgzContact, .careEnd, .jgzTransfer: true
        default: false
        }
    }
}
