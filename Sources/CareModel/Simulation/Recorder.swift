/// The replication's monitor (after simmer's): the event handlers report what happened,
/// and the recorder counts it for the period row, the risk-group table and the stories.
/// Stocks (children by need, waiting, in care) are not counted here: they are kept where
/// they change (`Replication+Stocks`).
struct Recorder {
    /// Flows of the current period; replaced by a fresh value when the period is recorded.
    var counters = PeriodCounters()
    /// Per risk group: stocks kept by `Replication+Stocks`, flows counted here.
    var groups: GroupTally
    /// Households whose stories to tell (0: none), and what happened to them.
    let storyCount: Int
    var stories = StoryBook()
    /// Story child number of each followed child's slot.
    var storyChild: [Int: Int] = [:]
    var storyHouseholds: Set<Int32> = []

    init(riskGroups: Int, stories: Int) {
        groups = GroupTally(groups: riskGroups)
        storyCount = stories
    }

    /// Counts one happening of a child of risk group `group`.
    @inline(__always) mutating func count(_ what: Happening, group: Int) {
        switch what {
        case .born: counters.births += 1
        case .onset:
            counters.onsets += 1
            groups.onsets[group] += 1
        case .escalated: counters.escalations += 1
        case .resolvedByItself, .resolvedByLever: counters.resolved += 1
        case .noticed(let channel): counters.newEpisodes[channel.rawValue] += 1
        case .crisis:
            counters.crises += 1
            groups.crises[group] += 1
            counters.newEpisodes[Channel.crisis.rawValue] += 1
        case .referredByGP: counters.referralsGP += 1
        case .referredByTeam: counters.referralsTeam += 1
        case .indicationStarted: counters.indications += 1
        case .handedOver: counters.handovers += 1
        case .gaveUp: counters.gaveUp += 1
        case .started(let service, let waited):
            counters.starts[service.rawValue] += 1
            counters.waitDays[service.rawValue] += waited
        case .helped(let days, let schoolAge):
            counters.helped += 1
            counters.daysToHelp += days
            if schoolAge {
                counters.helpedSchoolAge += 1
                counters.daysToHelpSchoolAge += days
            }
        case .newUser(let marks, let firstCare):
            if marks & UserMark.youthHelp != 0 { counters.youthHelpUsers += 1 }
            if marks & UserMark.withoutStay != 0 { counters.withoutStayUsers += 1 }
            if marks & UserMark.stay != 0 { counters.stayUsers += 1 }
            if marks & UserMark.protection != 0 { counters.protectionUsers += 1 }
            if firstCare { counters.youthCareUsers += 1 }
        case .leftCare(let service, let days):
            counters.staysEnded[service.rawValue] += 1
            counters.staysEndedDays[service.rawValue] += days
        case .specialisedEpisodeBegun(let service, let days):
            counters.specialisedEpisodes[service.rawValue] += 1
            counters.specialisedEpisodeDays += days
        case .stayPlanned(let service, let days): counters.stayPlannedDays[service.rawValue] += days
        case .placed: counters.placements += 1
        case .turnedAtReview(let turn):
            switch turn {
            case .teamReferredOn: counters.teamReferredOn += 1
            case .prolonged: counters.prolongedAtReview += 1
            case .closedEarly: counters.closedAtReview += 1
            }
        case .ended(_, let resolved):
            if resolved {
                counters.resolved += 1
                counters.resolvedInCare += 1
            }
        case .transferredBetweenJGZ(let lost):
            counters.jgzTransfers += 1
            if lost { counters.jgzTransfersLost += 1 }
        case .left(let withNeed, let how):
            counters.leavers += 1
            switch how {
            case .atLeavingAge, .afterLeverSupport: break
            case .afterContinuedCare: counters.leftAfterContinuedCare += 1
            }
            if withNeed {
                counters.agedOutWithNeed += 1
                groups.agedOutWithNeed[group] += 1
            }
        case .turnedAway: counters.turnedAway += 1
        case .indicatedByOldBody: counters.oldRegimeIndications += 1
        case .joinedWaitingList, .lostInHandover: break
        }
    }

    /// Adds a line to the story of the followed child in slot `i`.
    mutating func tell(_ i: Int, _ event: StoryBook.Event, at time: Double) {
        guard let k = storyChild[i] else { return }
        stories.entries.append(.init(time: time, child: k, event: event))
    }
}
