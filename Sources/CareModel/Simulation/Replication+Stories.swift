/// Following sampled households for stories.md (their own stream: no other number changes).
extension Replication {
    /// Draws the households to follow, among those with children when the reported
    /// period begins (from their own stream: no other number changes).
    func chooseStoryHouseholds() {
        guard storyCount > 0, stories.households.isEmpty else { return }
        var withChildren = Set<Int32>()
        for i in children.all.indices where children.has(i, ChildFlag.alive) { withChildren.insert(children.all[i].household) }
        let candidates = withChildren.sorted()
        while stories.households.count < min(storyCount, candidates.count) {
            let h = candidates[streams.stories.integer(below: candidates.count)]
            if storyHouseholds.insert(h).inserted { stories.households.append(Int(h)) }
        }
        for i in children.all.indices where children.has(i, ChildFlag.alive) && storyHouseholds.contains(children.all[i].household) {
            follow(i)
        }
    }

    func follow(_ i: Int) {
        children.set(i, ChildFlag.storied)
        storyChild[i] = stories.children.count
        let c = children.all[i]
        stories.children.append(.init(household: Int(c.household), birthDay: c.birthDay, riskGroup: Int(c.risk)))
        let service: ServiceKind? = c.place == Place.home ? nil : Place.service(c.place)
        tell(i, .status(need: Int(c.need), service: service, waiting: Place.isWaiting(c.place)))
    }

    @inline(__always) func tell(_ i: Int, _ event: StoryBook.Event) {
        guard children.all[i].flags & ChildFlag.storied != 0, let k = storyChild[i] else { return }
        stories.entries.append(.init(time: events.now, child: k, event: event))
    }
}
