/// The outcomes reported per risk group (`equity.csv`), with how each is aggregated
/// over the periods after warm-up.
public enum EquityCatalog {
    public static let definitions: [MetricDefinition] = [
        .init("children", "children", "children of the group present at the end of the period", .stock),
        .init("onsets", "children", "new needs that began in the group in the period", .total),
        .init("needs_severe", "children", "children of the group with a severe need at the end of the period", .stock),
        .init("needs_undetected", "children", "children of the group with a need nobody has noticed at the end of the period", .stock),
        .init("crises", "children", "crises in the group in the period", .total),
        .init("aged_out_with_need", "children", "young people of the group who reached the leaving age with a need", .total),
        .init("burden_index", "weighted need-days per child-year", "the burden index within the group", .average),
    ]
    static let children = 0, onsets = 1, needsSevere = 2, needsUndetected = 3, crises = 4, agedOutWithNeed = 5, burdenIndex = 6
}

/// Per-risk-group stocks and flows kept by a replication.
struct GroupTally {
    var alive: [Int]
    var severe: [Int]
    var undetected: [Int]
    var weightedNeed: [Double]
    var onsets: [Int]
    var crises: [Int]
    var agedOutWithNeed: [Int]
    var weightedNeedDays: [Double]
    var childDays: [Double]
    /// Time up to which group g's integrals are complete. They are brought up to date
    /// only when the group's values change (and at period close), not at every event.
    var integratedUntil: [Double]

    init(groups: Int) {
        alive = Array(repeating: 0, count: groups)
        severe = alive; undetected = alive; onsets = alive; crises = alive; agedOutWithNeed = alive
        weightedNeed = Array(repeating: 0, count: groups)
        weightedNeedDays = weightedNeed; childDays = weightedNeed; integratedUntil = weightedNeed
    }

    /// Call before `alive[g]` or `weightedNeed[g]` changes.
    @inline(__always) mutating func integrate(_ g: Int, until t: Double) {
        let dt = t - integratedUntil[g]
        guard dt > 0 else { return }
        weightedNeedDays[g] += weightedNeed[g] * dt
        childDays[g] += Double(alive[g]) * dt
        integratedUntil[g] = t
    }

    /// One period's values (EquityCatalog order) per group, at time `t`; resets the flows.
    mutating func close(at t: Double) -> [[Double]] {
        for g in alive.indices { integrate(g, until: t) }
        let rows = alive.indices.map { g -> [Double] in
            [Double(alive[g]), Double(onsets[g]), Double(severe[g]), Double(undetected[g]), Double(crises[g]), Double(agedOutWithNeed[g]),
             childDays[g] > 0 ? weightedNeedDays[g] / childDays[g] * daysPerYear : 0]
        }
        for g in alive.indices {
            onsets[g] = 0; crises[g] = 0; agedOutWithNeed[g] = 0
            weightedNeedDays[g] = 0; childDays[g] = 0
        }
        return rows
    }
}
