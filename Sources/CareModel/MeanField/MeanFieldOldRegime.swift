/// The old regime in the twin (policies.old_regime, before the transition date), as the
/// simulation has it (`Replication+OldRegime.swift`): no neighbourhood team, and every
/// need sent to the team goes to the indication body (Bureau Jeugdzorg) instead. A light
/// need is turned away at `light_needs_turned_away` (home, unnoticed); the others pass the
/// body's indication step (`MeanFieldLayout.referralStep`, exponential with the step's
/// mean, hand-over days included as the simulation adds them) onto a specialised list,
/// severe needs to residential care at the team's residential share. Without a step
/// (`indication_mean_days` 0) they join the list at once.
struct MeanFieldOldRegime {
    /// Share of light needs turned away.
    let turnedAway: Double
    /// Per day, the rate at which the indication step ends; 0 when there is no step.
    let stepPerDay: Double
    /// Share of severe needs the body sends to residential care (the team's share).
    let residentialShare: Double
    /// Whether the body has an indication step of its own (the simulation counts its indications then).
    let indicates: Bool
    /// How an ambulant episode begun from the body's step splits into the twin's phases.
    let ambulantPhases: MeanFieldAmbulantPhases

    /// The old regime in force under `model` at time `now` (days since the start), or nil.
    init?(_ model: CompiledModel, now: Double) {
        let old = model.parameters.policies.oldRegime
        guard old.enabled && now < model.transitionDay else { return nil }
        turnedAway = old.lightNeedsTurnedAway
        stepPerDay = model.oldRegimeReferralStepPerDay[1 | (model.hasHandover ? 2 : 0)]
        residentialShare = model.parameters.services.neighbourhoodTeam.residentialShareOfSevereReferrals
        indicates = old.indicationMeanDays > 0
        ambulantPhases = MeanFieldAmbulantPhases(model.durations[ServiceKind.specialisedAmbulant.rawValue])
    }

    /// A share of the needs sent to the body: the state of the child's block it moves to,
    /// the service whose care it starts at once (nil: none), and the counter it adds to
    /// (turned away, or indicated when the body has an indication step).
    struct Destination {
        let state: Int
        let share: Double
        let starts: Int?
        let counter: MeanFieldLayout.Counter?
    }

    /// Per need 1...3 (index 0 unused), where a need sent to the body goes.
    /// `admission` as in `MeanFieldRates.Context`.
    func routes(admission: [Double?]) -> [[Destination]] {
        typealias L = MeanFieldLayout
        return (0...3).map { s in
            guard s > 0 else { return [] }
            let away = s == 1 ? turnedAway : 0
            var out: [Destination] = []
            if away > 0 { out.append(Destination(state: L.undetected(1), share: away, starts: nil, counter: .turnedAway)) }
            let targets = s == 3 ? [(0, 1 - residentialShare), (1, residentialShare)] : [(0, 1.0)]
            let counter: MeanFieldLayout.Counter? = indicates ? .oldRegimeIndications : nil
            for (target, share) in targets where share > 0 && away < 1 {
                let onward = (1 - away) * share
                let service = L.stepService(target).rawValue
                if stepPerDay > 0 {
                    out.append(Destination(state: L.referralStep(target, s), share: onward, starts: nil, counter: counter))
                } else if admission[service] == nil {
                    for (state, part) in L.careStates(service, s, ambulantPhases) {
                        out.append(Destination(state: state, share: onward * part, starts: service, counter: counter))
                    }
                } else {
                    out.append(Destination(state: L.waiting(service, s, 0), share: onward, starts: nil, counter: counter))
                }
            }
            return out
        }
    }

    /// The end of the old regime: children still in the step join their list (or start
    /// care) at once. The simulation continues them at the municipal indication step's rate
    /// (policies.indication_mean_days), which the twin leaves out, as it leaves out that step.
    static func endStep(_ y: inout [Double], _ layout: MeanFieldLayout, admission: [Double?], ambulantPhases: MeanFieldAmbulantPhases) {
        typealias L = MeanFieldLayout
        for g in 0..<layout.blocks {
            let b = g * L.blockSize
            for target in 0..<L.stepTargets {
                let service = L.stepService(target).rawValue
                for s in 1...3 {
                    let moved = y[b + L.referralStep(target, s)]
                    guard moved != 0 else { continue }
                    y[b + L.referralStep(target, s)] = 0
                    if admission[service] == nil {
                        for (state, part) in L.careStates(service, s, ambulantPhases) { y[b + state] += moved * part }
                        y[layout.starts(service)] += moved
                    } else {
                        y[b + L.waiting(service, s, 0)] += moved
                    }
                }
            }
        }
    }
}
