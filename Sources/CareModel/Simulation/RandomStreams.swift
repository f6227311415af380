import Stochastics

/// The random processes of one replication, each with its own GSL stream, so that a
/// change to one process leaves the numbers of the others untouched (common random
/// numbers across scenarios). Stream ids are fixed: they are part of the output
/// format's reproducibility promise and are listed in run.json.
public enum StreamID: UInt32, CaseIterable, Sendable {
    case population = 1
    case births = 2
    case onset = 3
    case progression = 4
    case detection = 5
    case routing = 6
    case careDuration = 7
    case careOutcome = 8
    case transition = 9
    case stories = 10
    case households = 11
    case jgzTransfer = 12
    case region = 13
    case initialState = 14
    case levers = 15

    public var meaning: String {
        switch self {
        case .population: "initial children, households and risk groups"
        case .births: "birth times and newborns' households"
        case .onset: "times of new needs (onset, relapse)"
        case .progression: "escalation, resolution, detection and giving-up times of existing needs"
        case .detection: "whether a youth health care (JGZ) contact notices a need"
        case .routing: "which service a referral goes to"
        case .careDuration: "care episode durations"
        case .careOutcome: "whether an episode resolves the need; out-of-home placements"
        case .transition: "which cases are lost in the hand-over at the transition"
        case .stories: "which households' stories are told (changes no result)"
        case .households: "households' money problems: when they begin and end, debt-help requests and durations, their outcomes"
        case .jgzTransfer: "which early-help cases are lost when JGZ 0-4 hands a child to JGZ 4-18 (split organisations)"
        case .region: "the other municipalities' referrals to the shared providers: times, durations, giving up"
        case .initialState: "the state of each initial child drawn from the settled start (horizon.initial_state: settled)"
        case .levers: "the case-by-case choices of the levers in CareModel/Levers that draw their own numbers (shared by them, so that the other streams stay common)"
        }
    }
}

struct RandomStreams {
    let population: RandomStream
    let births: RandomStream
    let onset: RandomStream
    let progression: RandomStream
    let detection: RandomStream
    let routing: RandomStream
    let careDuration: RandomStream
    let careOutcome: RandomStream
    let transition: RandomStream
    let stories: RandomStream
    let households: RandomStream
    let jgzTransfer: RandomStream
    let region: RandomStream
    let initialState: RandomStream
    let levers: RandomStream

    init(seed: UInt64, replication: Int) {
        func make(_ id: StreamID) -> RandomStream { RandomStream(seed: seed, replication: replication, stream: id.rawValue) }
        population = make(.population)
        births = make(.births)
        onset = make(.onset)
        progression = make(.progression)
        detection = make(.detection)
        routing = make(.routing)
        careDuration = make(.careDuration)
        careOutcome = make(.careOutcome)
        transition = make(.transition)
        stories = make(.stories)
        households = make(.households)
        jgzTransfer = make(.jgzTransfer)
        region = make(.region)
        initialState = make(.initialState)
        levers = make(.levers)
    }
}
