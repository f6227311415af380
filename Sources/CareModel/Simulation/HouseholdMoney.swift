/// Where a household stands with money problems (services.debt_help).
enum MoneyState: UInt8 {
    case none = 0
    /// Money problems nobody helps with yet: the children's hazards are raised.
    case problems
    /// Waiting for debt help (the problems go on meanwhile).
    case waiting
    /// In debt help: income is stabilised, the children's hazards are back to normal.
    case helped
}

/// One household's money-problem process. It runs while the household has children.
struct HouseholdMoney {
    var state = MoneyState.none
    /// Children of the household present now.
    var children: UInt16 = 0
    /// Matches the household's one live pending event.
    var token: UInt32 = 0
    /// Matches the household's live entry on the debt-help waiting list.
    var ticket: UInt32 = 0

    /// Whether the children's hazards are raised now.
    var raisesHazards: Bool { state == .problems || state == .waiting }
}
