/// What happened to the children of a few sampled households, for `stories.md`.
/// Recording costs nothing for other children (one flag test per event).
public struct StoryBook: Sendable {
    public struct Child: Sendable {
        public let household: Int
        public let birthDay: Double
        public let riskGroup: Int
    }

    public enum Event: Sendable, Equatable {
        /// Where the child stood when the story began: its need (0-3), and the service it
        /// waited for or was in (nil: at home).
        case status(need: Int, service: ServiceKind?, waiting: Bool)
        case onset
        case escalated(to: Int)
        case resolvedByItself
        case noticed(Channel)
        case waiting(ServiceKind)
        case started(ServiceKind, waitedDays: Double)
        case ended(ServiceKind, resolved: Bool)
        /// The money turned a review (the line comes just before the episode's end).
        case turnedAtReview(ReviewTurn)
        case gaveUp
        case crisis
        case placed
        case lostInHandover
        /// At school age JGZ 0-4 handed the early-help case to JGZ 4-18 (split organisations).
        case transferredBetweenJGZ(lost: Bool)
        /// A line told by a lever in `Levers/` (its own event, in plain language).
        case lever(LeverLine)
        case left(withNeed: Bool)
    }

    /// A lever's story line: its sentence, and whether the need is gone after it.
    public struct LeverLine: Sendable, Equatable {
        public let text: String
        public let resolvesNeed: Bool

        init(text: String, resolvesNeed: Bool = false) {
            self.text = text
            self.resolvesNeed = resolvesNeed
        }
    }

    public struct Entry: Sendable {
        public let time: Double
        public let child: Int
        public let event: Event
    }

    /// Household numbers, in the order they were drawn.
    public var households: [Int] = []
    public var children: [Child] = []
    public var entries: [Entry] = []
}
