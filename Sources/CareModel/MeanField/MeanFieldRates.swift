import Stochastics

/// The right-hand side of the mean-field equations: the expected flows between the
/// states of MODEL.md's child, with care durations taken as exponential (rate 1 /
/// mean), specialised ambulant care's as two phases (`MeanFieldAmbulantPhases`). Where a service's places bind, referrals join its waiting list, which admits at
/// the rate `context.admission` sets (found by `MeanFieldTwin.steadyState`). Rates that change with age or the
/// budget year are set in `context` between integration segments.
struct MeanFieldRates {
    struct Context {
        /// Onset hazard per day of each risk group at the cohort's current age.
        var onset: [Double] = []
        var schoolActive = false
        var teamFactor = 1.0
        var schoolFactor = 1.0
        /// Per service: nil when its places do not bind (a referral starts care at once),
        /// otherwise the rate (per day) at which its waiting list admits (1 / the mean wait
        /// of a child who stays on it). Youth protection never has a list.
        var admission: [Double?] = Array(repeating: nil, count: ServiceKind.allCases.count)
        var hasWaitingLists: Bool { admission.contains { $0 != nil } }
        /// The old regime while it holds (no team: what would go to it goes to the
        /// indication body), else nil; set with `setOldRegime` after `admission`.
        private(set) var oldRegime: MeanFieldOldRegime?
        /// Per need, where the indication body sends it (`MeanFieldOldRegime.routes`).
        private(set) var oldRegimeRoutes: [[MeanFieldOldRegime.Destination]] = []

        mutating func setOldRegime(_ old: MeanFieldOldRegime?) {
            oldRegime = old
            oldRegimeRoutes = old?.routes(admission: admission) ?? []
        }
    }

    /// The parameter set in force (switched at dated values' change dates).
    var model: CompiledModel {
        didSet {
            endRate = model.durations.map { 1 / $0.mean }
            ambulantPhases = MeanFieldAmbulantPhases(model.durations[ServiceKind.specialisedAmbulant.rawValue])
        }
    }
    let layout: MeanFieldLayout
    var context = Context()
    private(set) var endRate: [Double]
    /// Specialised ambulant episodes as two phases (their spread, `MeanFieldAmbulantPhases`).
    private(set) var ambulantPhases: MeanFieldAmbulantPhases

    init(model: CompiledModel, layout: MeanFieldLayout) {
        self.model = model
        self.layout = layout
        endRate = model.durations.map { 1 / $0.mean }
        ambulantPhases = MeanFieldAmbulantPhases(model.durations[ServiceKind.specialisedAmbulant.rawValue])
    }

    func evaluate(_ y: UnsafePointer<Double>, _ dy: UnsafeMutablePointer<Double>) {
        typealias L = MeanFieldLayout
        for i in 0..<layout.dimension { dy[i] = 0 }
        let p = model.parameters.services
        let team = ServiceKind.neighbourhoodTeam.rawValue, school = ServiceKind.schoolCare.rawValue
        let ambulant = ServiceKind.specialisedAmbulant.rawValue, residential = ServiceKind.residential.rawValue
        let protection = ServiceKind.youthProtection.rawValue
        let placement = p.youthProtection.placementProbability
        let admission = context.admission
        let phases = ambulantPhases
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
                /// Care at `service` with need s begins: specialised ambulant care in one of
                /// its two phases. Returns the amount.
                func beginCare(_ from: Int, _ service: Int, _ s: Int, _ rate: Double) -> Double {
                    guard service == ambulant else { return flow(from, L.care(service, s), rate) }
                    return flow(from, L.care(ambulant, s), rate * phases.shortShare) + flow(from, L.ambulantLong(s), rate * phases.longShare)
                }
                /// A referral to `service` with need s: care at once, or its waiting list
                /// when the service has one (its places bind); under the old regime a
                /// referral to the team goes to the indication body. Returns the amount.
                func refer(_ from: Int, _ service: Int, _ s: Int, _ rate: Double) -> Double {
                    if service == team, context.oldRegime != nil {
                        for d in context.oldRegimeRoutes[s] {
                            let amount = flow(from, d.state, rate * d.share)
                            if let r = d.starts { dy[layout.starts(r)] += amount }
                            if let counter = d.counter { dy[c(counter)] += amount }
                        }
                        return rate * y[b + from]
                    }
                    if admission[service] == nil {
                        let amount = beginCare(from, service, s, rate)
                        dy[layout.starts(service)] += amount
                        return amount
                    }
                    return flow(from, L.waiting(service, s, 0), rate)
                }
                func specialisedReferral(_ from: Int, _ s: Int, _ rate: Double, residentialShare: Double) {
                    if s == 3 {
                        _ = refer(from, residential, 3, rate * residentialShare)
                        _ = refer(from, ambulant, 3, rate * (1 - residentialShare))
                    } else {
                        _ = refer(from, ambulant, s, rate)
                    }
                }
                /// A crisis: youth protection (never refuses), with or without a placement.
                func crisis(_ from: Int, _ rate: Double) {
                    let notPlaced = flow(from, L.care(protection, 3), rate * (1 - placement))
                    let placed = flow(from, L.placed(3), rate * placement)
                    dy[c(.crises)] += notPlaced + placed
                    dy[layout.newEpisodes(.crisis)] += notPlaced + placed
                    dy[layout.starts(protection)] += notPlaced + placed
                    dy[c(.placements)] += placed
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
                    let selfReferral = refer(u, team, s, model.selfReferralPerDay[s])
                    let outreach = refer(u, team, s, model.teamOutreachPerDay[s] * context.teamFactor)
                    dy[layout.newEpisodes(.selfReferral)] += selfReferral
                    dy[layout.newEpisodes(.team)] += outreach
                    let gpRate = model.gpPerDay[s]
                    dy[layout.newEpisodes(.gp)] += gpRate * y[b + u]
                    specialisedReferral(u, s, gpRate, residentialShare: p.generalPractitioner.residentialShareOfSevereReferrals)
                    if covered && context.schoolActive {
                        let rate = model.schoolDetectionPerDay[s] * context.schoolFactor
                        dy[layout.newEpisodes(.school)] += refer(u, s < 3 ? school : team, s, rate)
                    }
                    if s == 3 { crisis(u, model.crisisPerDaySevere) }
                }

                if context.hasWaitingLists {
                    // On a waiting list a need keeps changing (as at home, without the channels
                    // that would notice it again); the family may give up; the list moves on.
                    for service in 0..<L.servicesWithPlaces {
                        guard let admit = admission[service] else { continue }
                        let stageRate = admit * Double(L.stages)
                        for s in 1...3 {
                            for stage in 0..<L.stages {
                                let w = L.waiting(service, s, stage)
                                if s < 3 {
                                    dy[c(.escalations)] += flow(w, L.waiting(service, s + 1, stage), model.escalationPerDay[s] * model.riskEscalationMultiplier[g])
                                }
                                dy[c(.resolved)] += flow(w, L.well, model.resolutionPerDay[s])
                                dy[c(.gaveUp)] += flow(w, L.undetected(s), model.giveUpPerDay)
                                if s == 3 { crisis(w, model.crisisPerDaySevere) }
                                if stage + 1 < L.stages {
                                    _ = flow(w, L.waiting(service, s, stage + 1), stageRate)
                                } else {
                                    dy[layout.starts(service)] += beginCare(w, service, s, stageRate)
                                }
                            }
                        }
                    }
                }

                if let old = context.oldRegime, old.stepPerDay > 0 {
                    // In the indication body's step a need keeps changing, as on a list.
                    for target in 0..<L.stepTargets {
                        for s in 1...3 {
                            let step = L.referralStep(target, s)
                            if s < 3 {
                                dy[c(.escalations)] += flow(step, L.referralStep(target, s + 1), model.escalationPerDay[s] * model.riskEscalationMultiplier[g])
                            }
                            dy[c(.resolved)] += flow(step, L.well, model.resolutionPerDay[s])
                            dy[c(.gaveUp)] += flow(step, L.undetected(s), model.giveUpPerDay)
                            if s == 3 { crisis(step, model.crisisPerDaySevere) }
                            _ = refer(step, L.stepService(target).rawValue, s, old.stepPerDay)
                        }
                    }
                }

                for service in 0..<ServiceKind.allCases.count {
                    for s in 1...3 {
                        // Ambulant care ends from each of its two phases (the long one second).
                        for phase in 0..<(service == ambulant ? 2 : 1) {
                            let from = phase == 0 ? L.care(service, s) : L.ambulantLong(s)
                            let end = service != ambulant ? endRate[service] : phase == 0 ? phases.shortRate : phases.longRate
                            let resolve = model.resolveProbability[service][s]
                            let resolved = flow(from, L.wellRelapseRisk, end * resolve)
                            dy[c(.resolved)] += resolved
                            dy[c(.resolvedInCare)] += resolved
                            let onward = end * (1 - resolve)
                            switch ServiceKind(rawValue: service)! {
                            case .jgzEarlyHelp, .schoolCare:
                                _ = refer(from, team, s, onward)
                            case .neighbourhoodTeam:
                                specialisedReferral(from, s, onward, residentialShare: p.neighbourhoodTeam.residentialShareOfSevereReferrals)
                            case .specialisedAmbulant where s == 3:
                                _ = refer(from, residential, 3, onward)
                            case .specialisedAmbulant:
                                // Another episode in the same place, in either phase.
                                _ = flow(from, phase == 0 ? L.ambulantLong(s) : L.care(ambulant, s),
                                         onward * (phase == 0 ? phases.longShare : phases.shortShare))
                            case .residential, .youthProtection:
                                break // another episode in the same place
                            }
                            dy[layout.careDays(service)] += y[b + from]
                        }
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
                for s in 1...3 { weighted += model.burdenWeight[s] * MeanFieldTwin.withNeed(y, b, s) }
                for i in 0..<L.blockSize { everyone += y[b + i] }
                dy[c(.weightedNeedDays)] += weighted
                dy[c(.childDays)] += everyone
            }
        }
    }
}
