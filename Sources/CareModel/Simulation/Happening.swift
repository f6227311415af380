/// What happened to a child (or household), as the event handlers report it to the
/// `Recorder`. The handlers change the state; the recorder counts what they report.
enum Happening {
    case born
    case onset
    case escalated(to: Int)
    case resolvedByItself
    case noticed(Channel)
    /// A crisis: a new episode by the crisis channel, on to youth protection.
    case crisis
    case referredByGP
    case referredByTeam
    case indicationStarted
    case handedOver
    case joinedWaitingList(ServiceKind)
    case gaveUp
    case started(ServiceKind, waitedDays: Double)
    /// The first care since the need was noticed, after `days` (time to help).
    case helped(afterDays: Double, schoolAge: Bool)
    /// Counted for the first time this budget year as a user of these kinds of care
    /// (`UserMark` bits); `firstCare`: of any youth care (help or protection) this year.
    case newUser(marks: UInt8, firstCare: Bool)
    /// Left a service after a stay of `afterDays` (extensions in the same service included).
    case leftCare(ServiceKind, afterDays: Double)
    case specialisedEpisodeBegun(ServiceKind, days: Double)
    /// A stay begun in a service, its first episode planned to last `plannedDays`.
    case stayPlanned(ServiceKind, plannedDays: Double)
    case placed
    case ended(ServiceKind, resolved: Bool)
    /// The money turned a review (`ReviewTurn`).
    case turnedAtReview(ReviewTurn)
    case lostInHandover
    /// Under the old regime: a light need the indication body turned away; a need it took into its indication step.
    case turnedAway
    case indicatedByOldBody
    case transferredBetweenJGZ(lost: Bool)
    /// A lever resolved the need (it tells its own story line).
    case resolvedByLever
    /// Left the population; `how` says after what.
    case left(withNeed: Bool, how: Leaving)

    /// `afterLeverSupport`: a lever held the young person past the leaving age (and counts it).
    enum Leaving { case atLeavingAge, afterContinuedCare, afterLeverSupport }

    /// The line of the child's story, if the happening has one.
    var story: StoryBook.Event? {
        switch self {
        case .onset: .onset
        case .escalated(let need): .escalated(to: need)
        case .resolvedByItself: .resolvedByItself
        case .noticed(let channel): .noticed(channel)
        case .crisis: .crisis
        case .joinedWaitingList(let service): .waiting(service)
        case .gaveUp: .gaveUp
        case .started(let service, let waited): .started(service, waitedDays: waited)
        case .placed: .placed
        case .ended(let service, let resolved): .ended(service, resolved: resolved)
        case .turnedAtReview(let turn): .turnedAtReview(turn)
        case .lostInHandover: .lostInHandover
        case .transferredBetweenJGZ(let lost): .transferredBetweenJGZ(lost: lost)
        case .left(let withNeed, _): .left(withNeed: withNeed)
        case .born, .referredByGP, .referredByTeam, .indicationStarted, .handedOver, .helped, .newUser, .leftCare, .turnedAway, .indicatedByOldBody,
             .specialisedEpisodeBegun, .stayPlanned, .resolvedByLever: nil
        }
    }
}
