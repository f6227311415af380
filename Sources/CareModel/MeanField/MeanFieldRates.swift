import Stochastics

/// The right-hand side of the mean-field equations: the expected flows between the
/// states of MODEL.md's child, with care durations taken as exponential (rate 1 /
/// mean) and no capacity limits (nobody waits). Rates that change with age or the
/// budget year are set in `context` between integration segments.
struct MeanFieldRates {
    struct Context {
        /// Onset hazard per day of each risk group at the cohort's current age.
        var onset: [Double] = []
        var schoolActive = false
        var teamFactor = 1.0
        var schoolFactor = 1.0
    }

    /// The parameter set in force (switched at dated values' change dates).
    var model: CompiledModel {
        didSet { endRate = model.durations.map { 1 / $0.mean } }
    }
    let layout: MeanFieldLayout
    var context = Context()
    private(set) var endRate: [Double]

    init(model: CompiledModel, layout: MeanFieldLayout) {
        self.model = model
        self.layout = layout
        endRate = model.durations.map { 1 / $0.mean }
    }

    func evaluate(_ y: UnsafePointer<Double>, _ dy: UnsafeMutablePointer<Double>) {
        typealias L = MeanFieldLayout
        for i in 0..<layout.dimension { dy[i] = 0 }
        let p = model.parameters.services
        let team = ServiceKind.neighbourhoodTeam.rawValue, school = ServiceKind.schoolCare.rawValue
        let ambulant = ServiceKind.specialisedAmbulant.rawValue, residential = ServiceKind.residential.rawValue
        let protection = ServiceKind.youthProtection.rawValue
        let placement = p.youthProtection.placementProbability
        func c(_ counter: L.Counter) -> Int { layout.counter(counter) }

        for g in 0..<layout.groups {
            for covered in [false, true] {
                let b = layout.block(group: g, covered: covered)
                /// Moves rate x y[from] per day from `from` to `to`; returns the amount.
                func flow(_ from: Int, _ to: Int, _ rate: Double) -> Double {
                    let amount = rate * y[b + from]
                    dy[b + from] -= amount
                    dy[b + to] += amount
                    return amount
                }
                func specialisedReferral(_ from: Int, _ s: Int, _ rate: Double, residentialShare: Double) {
                    if s == 3 {
                        dy[layout.starts(residential)] += flow(from, L.care(residential, 3), rate * residentialShare)
                        dy[layout.starts(ambulant)] += flow(from, L.care(ambulant, 3), rate * (1 - residentialShare))
                    } else {
                        dy[layout.starts(ambulant)] += flow(from, L.care(ambulant, s), rate)
                    }
                }
                let onset = context.onset[g]
                dy[c(.onsets)] += flow(L.well, L.undetected(1), onset)
                dy[c(.onsets)] += flow(L.wellRelapseRisk, L.undetected(1), onset + model.relapsePerDay)

                for s in 1...3 {
                    let u = L.undetected(s)
                    if s < 3 {
                        dy[c(.escalations)] += flow(u, L.undetected(s + 1), model.escalationPerDay[s] * model.riskEscalationMultiplier[g])
                    }
                    dy[c(.resolved)] += flow(u, L.well, model.resolutionPerDay[s])
                    let selfReferral = flow(u, L.care(team, s), model.selfReferralPerDay[s])
                    let outreach = flow(u, L.care(team, s), model.teamOutreachPerDay[s] * context.teamFactor)
                    dy[layout.newEpisodes(.selfReferral)] += selfReferral
                    dy[layout.newEpisodes(.team)] += outreach
                    dy[layout.starts(team)] += selfReferral + outreach
                    let gpRate = model.gpPerDay[s]
                    dy[layout.newEpisodes(.gp)] += gpRate * y[b + u]
                    specialisedReferral(u, s, gpRate, residentialShare: p.generalPractitioner.residentialShareOfSevereReferrals)
                    if covered && context.schoolActive {
                        let rate = model.schoolDetectionPerDay[s] * context.schoolFactor
                        let destination = s < 3 ? school : team
                        let noticed = flow(u, L.care(destination, s), rate)
                        dy[layout.newEpisodes(.school)] += noticed
                        dy[layout.starts(destination)] += noticed
                    }
                    if s == 3 {
                        let notPlaced = flow(u, L.care(protection, 3), model.crisisPerDaySevere * (1 - placement))
                        let placed = flow(u, L.placed(3), model.crisisPerDaySevere * placement)
                        dy[c(.crises)] += notPlaced + placed
                        dy[layout.newEpisodes(.crisis)] += notPlaced + placed
                        dy[layout.starts(protection)] += notPlaced + placed
                        dy[c(.placements)] += placed
                    }
                }

                for service in 0..<ServiceKind.allCases.count {
                    for s in 1...3 {
                        let from = L.care(service, s)
                        let end = endRate[service]
                        let resolve = model.resolveProbability[service][s]
                        let resolved = flow(from, L.wellRelapseRisk, end * resolve)
                        dy[c(.resolved)] += resolved
                        dy[c(.resolvedInCare)] += resolved
                        let onward = end * (1 - resolve)
                        switch ServiceKind(rawValue: service)! {
                        case .jgzEarlyHelp, .schoolCare:
                            dy[layout.starts(team)] += flow(from, L.care(team, s), onward)
                        case .neighbourhoodTeam:
                            specialisedReferral(from, s, onward, residentialShare: p.neighbourhoodTeam.residentialShareOfSevereReferrals)
                        case .specialisedAmbulant where s == 3:
                            dy[layout.starts(residential)] += flow(from, L.care(residential, 3), onward)
                        case .specialisedAmbulant, .residential, .youthProtection:
                            break // another episode in the same place
                        }
                        dy[layout.careDays(service)] += y[b + from]
                    }
                }
                for s in 1...3 {
                    let resolved = flow(L.placed(s), L.wellRelapseRisk, endRate[protection] * model.resolveProbability[protection][s])
                    dy[c(.resolved)] += resolved
                    dy[c(.resolvedInCare)] += resolved
                    dy[layout.careDays(protection)] += y[b + L.placed(s)]
                    dy[c(.placedDays)] += y[b + L.placed(s)]
                }
                var weighted = 0.0, everyone = 0.0
                for s in 1...3 {
                    var withNeed = y[b + L.undetected(s)] + y[b + L.placed(s)]
                    for service in 0..<ServiceKind.allCases.count { withNeed += y[b + L.care(service, s)] }
                    weighted += model.burdenWeight[s] * withNeed
                }
                for i in 0..<L.blockSize { everyone += y[b + i] }
                dy[c(.weightedNeedDays)] += weighted
                dy[c(.childDays)] += everyone
            }
        }
    }
}
