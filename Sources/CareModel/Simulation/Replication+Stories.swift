/// Following sampled households for stories.md (their own stream: no other number changes).
extension Replication {
    /// Draws the households to follow, among those with children when the reported
    /// period begins (from their own stream: no other number changes).
    func chooseStoryHouseholds() {
        guard recorder.storyCount > 0, recorder.stories.households.isEmpty else { return }
        var withChildren = Set<Int32>()
        for i in children.all.indices where children.has(i, ChildFlag.alive) { withChildren.insert(children.all[i].household) }
        let candidates = withChildren.sorted()
        while recorder.stories.households.count < min(recorder.storyCount, candidates.count) {
            let h = candidates[streams.stories.integer(below: candidates.count)]
            if recorder.storyHouseholds.insert(h).inserted { recorder.stories.households.append(Int(h)) }
        }
        for i in children.all.indices where children.has(i, ChildFlag.alive) && recorder.storyHouseholds.contains(children.all[i].household) {
            follow(i)
        }
    }

    func follow(_ i: Int) {
        children.set(i, ChildFlag.storied)
        recorder.storyChild[i] = recorder.stories.children.count
        let c = children.all[i]
        recorder.stories.children.append(.init(household: Int(c.household), birthDay: c.birthDay, riskGroup: Int(c.risk)))
        let service: ServiceKind? = c.place == Place.home ? nil : Place.service(c.place)
        recorder.tell(i, .status(need: Int(c.need), service: service, waiting: Place.isWaiting(c.place)), at: events.now)
    }
}
