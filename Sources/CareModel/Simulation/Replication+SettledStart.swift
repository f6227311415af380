/// The settled start (horizon.initial_state: settled): each initial child's state is
/// drawn from the mean-field twin's expectation for its age, risk group and school.
extension Replication {
    /// Gives child `i` of the initial population its state and its first event. A child
    /// expected in care is referred to that service on day 0 (places open with the first
    /// budget year, which admits as many as there are) and is met in an episode under way:
    /// its time still to run is the residual of the service's duration, length-biased
    /// (`DurationDistribution.residual`), and its stay counts from the drawn moment the
    /// episode began, before the horizon. A child expected on a waiting list
    /// is returned with its service and stage: `startSettledWaiting` puts it on the list
    /// once every child in care has been referred, so that the first year's places go to
    /// those in care and the lists keep their order (the longest waiting first).
    func startSettled(_ i: Int, _ settled: SettledStart) -> (service: ServiceKind, stage: Int)? {
        typealias L = MeanFieldLayout
        let state = settled.drawState(ageDays: age(i), group: Int(children.all[i].risk), covered: children.has(i, ChildFlag.schoolCovered),
                                      stream: streams.initialState)
        switch state {
        case L.well:
            scheduleHome(i)
        case L.wellRelapseRisk:
            children.set(i, ChildFlag.relapseRisk)
            scheduleHome(i)
        case L.undetected(1)...L.undetected(3):
            setNeed(i, state - L.undetected(1) + 1)
            scheduleHome(i)
        case L.placed(1)...L.placed(3):
            // Placed or not, an order is youth protection; the placement is drawn as at any start.
            setNeed(i, state - L.placed(1) + 1)
            underWayAtStart.insert(i)
            refer(i, to: .youthProtection)
        case L.firstAmbulantLong...:
            // The long phase of the twin's ambulant episode: in ambulant care, as the short one.
            startUnderWay(i, .specialisedAmbulant, need: state - L.firstAmbulantLong + 1)
        case L.firstStep...:
            // In the old regime's indication step (the step is memoryless: a fresh one is exact).
            let offset = state - L.firstStep
            setNeed(i, offset % 3 + 1)
            children.set(i, ChildFlag.referralIndication)
            if model.hasHandover { children.set(i, ChildFlag.referralHandover) }
            enterReferralStep(i, L.stepService(offset / 3))
        case L.firstWaiting...:
            let offset = state - L.firstWaiting
            let list = offset / L.stages
            setNeed(i, list % 3 + 1)
            return (ServiceKind(rawValue: list / 3)!, offset % L.stages)
        default:
            let offset = state - L.care(0, 1)
            startUnderWay(i, ServiceKind(rawValue: offset / 3)!, need: offset % 3 + 1)
        }
        return nil
    }

    /// Child `i`, with `need`, is met in care at `service` in an episode under way.
    private func startUnderWay(_ i: Int, _ service: ServiceKind, need: Int) {
        setNeed(i, need)
        underWayAtStart.insert(i)
        refer(i, to: service)
    }

    /// Puts the initial children drawn onto waiting lists on them, the latest stage first.
    func startSettledWaiting(_ waiting: [(child: Int, service: ServiceKind, stage: Int)]) {
        for entry in waiting.sorted(by: { $0.stage > $1.stage || ($0.stage == $1.stage && $0.child < $1.child) }) {
            refer(entry.child, to: entry.service)
        }
    }
}
