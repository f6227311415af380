import Foundation
import Stochastics

/// The expected state of a child of each age at the horizon's start, had the start
/// year's rates, funding and places held for a whole generation before it: the
/// mean-field twin follows one cohort from birth to the leaving age and records, at the
/// middle of each month-wide age band, the probability of every state (well, well with
/// relapse risk, an unnoticed need of each severity, on a waiting list, in care at each
/// service with each severity, placed under youth protection), per risk group and school
/// coverage.
///
/// The cohorts share the places: where a service's places bind, its waiting list admits
/// at the rate that fills exactly its places with the whole population's children (see
/// `MeanFieldTwin.steadyState`), and children on it are exposed to the hazards the
/// simulation applies to waiters (needs get heavier, resolve, end in a crisis; families
/// give up).
///
/// Replications sample their initial children from it (`horizon.initial_state: settled`),
/// so that a run is settled from its first day instead of after some 13 years of warm-up.
/// What the twin leaves out (household money problems, the regional pool, the severity
/// queue discipline; see `MeanFieldTwin`) is not in the sample.
public struct SettledStart: Sendable {
    /// Width of an age band, days; band k holds ages [k w, (k + 1) w).
    let bandDays: Double
    /// Per age band, the state probabilities of every block (risk group x covered),
    /// laid out as `MeanFieldLayout` lays out one cohort.
    let probabilities: [[Double]]
    let layout: MeanFieldLayout
    /// Per service, the admission rate (per day) of its waiting list; nil where places do not bind.
    public let admission: [Double?]
    /// The whole population's expected stocks (`MeanFieldTwin.Stock` order).
    let stocks: [Double]
    /// Per age band, each block's running sums of `probabilities` (from 0 at the block's
    /// first state, added in the order `RandomStream.index(weights:total:)` adds them), so
    /// that an initial child's state is found by a binary search (`drawState`) instead of
    /// a sum and a scan over its block's 89 states.
    let runningSums: [[Double]]

    init(bandDays: Double, probabilities: [[Double]], layout: MeanFieldLayout, admission: [Double?], stocks: [Double]) {
        self.bandDays = bandDays
        self.probabilities = probabilities
        self.layout = layout
        self.admission = admission
        self.stocks = stocks
        runningSums = probabilities.map { states in
            var sums = states
            for b in stride(from: 0, to: layout.counterBase, by: MeanFieldLayout.blockSize) {
                var sum = 0.0
                for k in b..<(b + MeanFieldLayout.blockSize) {
                    sum += states[k]
                    sums[k] = sum
                }
            }
            return sums
        }
    }

    /// The age band of age `ageDays`.
    private func band(_ ageDays: Double) -> Int { min(probabilities.count - 1, max(0, Int(ageDays / bandDays))) }

    /// The states of block (group, covered) at age `ageDays`, as probabilities summing to 1.
    func states(ageDays: Double, group: Int, covered: Bool) -> ArraySlice<Double> {
        let b = layout.block(group: group, covered: covered)
        return probabilities[band(ageDays)][b..<(b + MeanFieldLayout.blockSize)]
    }

    /// Draws the state of a child of block (group, covered) at age `ageDays`: exactly the
    /// state `stream.index(weights: states(...), total: their sum)` returns, found by a
    /// binary search over the precomputed running sums.
    func drawState(ageDays: Double, group: Int, covered: Bool, stream: RandomStream) -> Int {
        let band = band(ageDays), b = layout.block(group: group, covered: covered), size = MeanFieldLayout.blockSize
        return runningSums[band].withUnsafeBufferPointer { sums in
            probabilities[band].withUnsafeBufferPointer { weights in
                stream.index(runningSums: UnsafeBufferPointer(rebasing: sums[b..<(b + size)]),
                             weights: UnsafeBufferPointer(rebasing: weights[b..<(b + size)]))
            }
        }
    }

    /// The expected number of children in stock `name` (`needs_severe`, `waiting_ambulant`,
    /// `in_care_team`, ...), or nil for a metric the steady state does not hold.
    public func expected(_ name: String) -> Double? {
        typealias S = MeanFieldTwin.Stock
        let simple: [String: S] = ["children": .children, "needs_light": .light, "needs_moderate": .moderate, "needs_severe": .severe,
                                   "needs_undetected": .undetected, "out_of_home": .outOfHome, "in_referral_step": .referralStep]
        if let k = simple[name] { return stocks[k.rawValue] }
        for service in ServiceKind.allCases {
            if name == "in_care_\(service.key)" { return stocks[S.care0.rawValue + service.rawValue] }
            if name == "waiting_\(service.key)" {
                return service.rawValue < MeanFieldLayout.servicesWithPlaces ? stocks[S.waiting0.rawValue + service.rawValue] : 0
            }
        }
        return nil
    }
}

extension MeanFieldTwin {
    /// The settled start: the steady state of a population under the start year's rates,
    /// funding and places (see `SettledStart`).
    ///
    /// The cohorts are coupled only through the places, so one cohort stands for all
    /// (every age band holds the same number of children: births replace leavers). A
    /// service's places bind when the children expected in it without a waiting list
    /// exceed them; its waiting list's admission rate is then found by a secant search (in
    /// logarithms, all services at once) until the expected children in care fill its
    /// places to within 0.01 %. The simulation's lists are first come, first served; the
    /// twin's lists are Erlang chains (`MeanFieldLayout.stages`).
    public static func steadyState(_ model: CompiledModel) throws(GSLError) -> SettledStart {
        typealias L = MeanFieldLayout
        let p = model.parameters
        let funding = YearAllocation(year: p.horizon.start.year, parameters: p, children: p.population.children)
        var admission = [Double?](repeating: nil, count: ServiceKind.allCases.count)
        var state = try steadyCohort(model, funding: funding, admission: admission)
        var previous = [(x: Double, f: Double)?](repeating: nil, count: L.servicesWithPlaces)
        var unbound = [Bool](repeating: false, count: L.servicesWithPlaces)
        // A list that would admit within a few hours is no list: places do not bind.
        let fastest = 4.0
        // Within 0.1 % of the places is far inside the simulation's own noise; a list
        // drifting towards "no list" converges slowly, so the search is also capped.
        let tolerance = 1e-3
        for _ in 0..<30 {
            var moved = false
            for r in 0..<L.servicesWithPlaces where !unbound[r] {
                let places = Double(funding.places[r]), inCare = state.stocks[Stock.care0.rawValue + r]
                guard let current = admission[r] else {
                    if inCare > places * (1 + tolerance) {
                        // Bound from now on; no places at all: nobody is ever admitted.
                        admission[r] = places > 0 ? 1.0 / 30 : 0
                        moved = true
                    }
                    continue
                }
                guard places > 0 else { continue }
                let x = log(current), f = log(inCare / places)
                guard abs(f) > tolerance else { continue }
                // The secant through the last two points; the first step assumes a slope
                // of 0.3 (a list whose families mostly wait it out).
                var slope = 0.3
                if let last = previous[r], last.x != x { slope = (f - last.f) / (x - last.x) }
                let next = x - f / max(slope, 0.02)
                previous[r] = (x, f)
                if next > log(fastest) {
                    admission[r] = nil
                    unbound[r] = true
                } else {
                    admission[r] = exp(min(x + 3, max(x - 3, next)))
                }
                moved = true
            }
            if !moved { break }
            state = try steadyCohort(model, funding: funding, admission: admission)
        }
        return SettledStart(bandDays: state.bandDays, probabilities: state.probabilities,
                            layout: MeanFieldLayout(groups: p.population.riskGroups.count), admission: admission, stocks: state.stocks)
    }

    /// One cohort from birth to the leaving age under the start year's rates, funding and
    /// the given waiting lists: the state probabilities at the middle of each month-wide
    /// age band, and the stocks of a whole population made of such cohorts.
    static func steadyCohort(_ model: CompiledModel, funding: YearAllocation, admission: [Double?])
        throws(GSLError) -> (bandDays: Double, probabilities: [[Double]], stocks: [Double]) {
        typealias L = MeanFieldLayout
        let p = model.parameters
        let layout = MeanFieldLayout(groups: p.population.riskGroups.count)
        var rates = MeanFieldRates(model: model, layout: layout)
        let solver = ODESolver(dimension: layout.dimension, absoluteTolerance: 1e-9, relativeTolerance: 1e-7) { _, y, dy in
            rates.evaluate(y, dy)
        }
        let bands = max(1, Int((p.population.leavingAge * 12).rounded()))
        let width = model.leavingAgeDays / Double(bands)
        rates.context.schoolFactor = funding.schoolFactor
        rates.context.admission = admission
        // Started under the old regime, the generation before the start had it too: no team.
        let old = MeanFieldOldRegime(model, now: 0)
        rates.context.teamFactor = old == nil ? funding.teamFactor : 0
        rates.context.setOldRegime(old)

        // Time is the cohort's age. Each block starts with one well child: blocks evolve
        // independently, so each block's states stay probabilities.
        var y = [Double](repeating: 0, count: layout.dimension)
        for g in 0..<layout.groups {
            for covered in [false, true] { y[layout.block(group: g, covered: covered) + L.well] = 1 }
        }
        enum Moment { case record(Int), ageChange, contact }
        var moments: [(age: Double, what: Moment)] = (0..<bands).map { ((Double($0) + 0.5) * width, .record($0)) }
        for a in model.onsetBandStart + [model.schoolAgeDays] where a > 0 && a < model.leavingAgeDays { moments.append((a, .ageChange)) }
        for a in model.contactAges where a < model.leavingAgeDays { moments.append((a, .contact)) }
        // At one age: change the rates and hold the contact before recording (as a child
        // of exactly that age would have had them).
        func order(_ m: Moment) -> Int { switch m { case .ageChange: 0; case .contact: 1; case .record: 2 } }
        moments.sort { $0.age < $1.age || ($0.age == $1.age && order($0.what) < order($1.what)) }

        func setContext(age: Double) {
            var band = 0
            while band + 1 < model.onsetBandStart.count && model.onsetBandStart[band + 1] <= age + sameInstantDays { band += 1 }
            rates.context.onset = model.riskOnsetMultiplier.map { model.onsetPerDay[band] * $0 }
            rates.context.schoolActive = age >= model.schoolAgeDays - sameInstantDays
        }
        var age = 0.0
        setContext(age: 0)
        var probabilities = [[Double]](repeating: [], count: bands)
        // The population: every band holds children / bands, split over the blocks.
        let covered = p.services.schoolCare.shareOfChildrenCovered
        let perBand = Double(p.population.children) / Double(bands)
        var population = [Double](repeating: 0, count: layout.dimension)
        for moment in moments {
            try solver.integrate(&y, from: age, to: moment.age)
            age = moment.age
            switch moment.what {
            case .ageChange: setContext(age: age)
            case .contact:
                contact(&y, layout, model, reachFactor: funding.jgzReachFactor,
                        earlyHelp: funding.places[ServiceKind.jgzEarlyHelp.rawValue] > 0, context: rates.context)
            case .record(let band):
                var states = Array(y[0..<layout.counterBase])
                for i in states.indices { states[i] = max(0, states[i]) }
                probabilities[band] = states
                for (g, share) in model.riskShares.enumerated() {
                    for (isCovered, coveredShare) in [(true, covered), (false, 1 - covered)] {
                        let b = layout.block(group: g, covered: isCovered)
                        for i in 0..<L.blockSize { population[b + i] += perBand * share * coveredShare * states[b + i] }
                    }
                }
            }
        }
        return (width, probabilities, stockValues(population, layout))
    }
}
