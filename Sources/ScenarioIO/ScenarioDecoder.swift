import CareModel
import Stochastics

/// Builds `ModelParameters` from a merged scenario tree. Every key is required (the
/// defaults live in `Scenarios/baseline.yaml`, which other scenarios extend), every
/// value is checked, and keys nobody reads are rejected.
enum ScenarioDecoder {
    /// Decodes the tree; with dated values, once per change date (see `DatedValues`).
    static func decode(_ root: ConfigNode) throws(ScenarioError) -> ModelParameters {
        let dated = try DatedValues(root)
        guard !dated.isEmpty else { return try decodeOne(root) }
        // The first values: what is in force at the start, as every date lies within the horizon.
        var first = try decodeOne(dated.substituted(root, on: nil))
        try dated.checkWithin(first.horizon)
        var changes: [ParameterChange] = []
        var previous = first
        for date in dated.changeDates(first.horizon) {
            let parameters: ModelParameters
            do { parameters = try decodeOne(dated.substituted(root, on: date)) } catch {
                throw ScenarioError(error.location, error.keyPath, "\(error.message) (on \(date), with the dated values in force then)")
            }
            if parameters != previous { changes.append(ParameterChange(date: date, parameters: parameters)) }
            previous = parameters
        }
        first.dated = DatedParameters(series: dated.series, changes: changes)
        return first
    }

    private static func decodeOne(_ root: ConfigNode) throws(ScenarioError) -> ModelParameters {
        let r = try ConfigReader(root, path: "")
        _ = r.optional("extends")
        let name = try r.string("name"), description = try r.string("description")
        let horizon = try horizon(r.section("horizon"))
        let population = try population(r.section("population"))
        let budget = try budget(r.section("budget"))
        // The levers' sections are read with the others of their section, before it is finished.
        let servicesReader = try r.section("services")
        let services = try services(servicesReader, population: population)
        let serviceLevers = try serviceLevers(servicesReader, population: population)
        let policiesReader = try r.section("policies")
        let policies = try policies(policiesReader)
        let parameters = ModelParameters(
            name: name,
            description: description,
            horizon: horizon,
            population: population,
            budget: budget,
            services: services,
            policies: policies,
            levers: try levers(serviceLevers, policiesReader),
            experiment: try experiment(r.section("experiment")))
        try r.finish()
        return parameters
    }

    // MARK: - Sections

    private static func horizon(_ r: ConfigReader) throws(ScenarioError) -> Horizon {
        let h = Horizon(start: try r.date("start", firstOfYear: true), end: try r.date("end", firstOfYear: true),
                        warmupUntil: try r.date("warmup_until", firstOfYear: true),
                        initialState: try r.choice("initial_state", InitialState.self, fixedBecause: Fixed.start))
        try r.finish()
        guard h.end > h.start else {
            throw ScenarioError(r.location(of: "end"), r.keyPath("end"), "must be after horizon.start (\(h.start))")
        }
        guard h.warmupUntil >= h.start, h.warmupUntil < h.end else {
            throw ScenarioError(r.location(of: "warmup_until"), r.keyPath("warmup_until"),
                                "expected a 1 January from horizon.start up to before horizon.end, got \(h.warmupUntil)")
        }
        return h
    }

    private static func population(_ r: ConfigReader) throws(ScenarioError) -> PopulationParameters {
        let children = try r.int("children", .children)
        let leavingAge = try r.double("leaving_age_years", .between(leavingAges.lowerBound, leavingAges.upperBound), fixedBecause: Fixed.age)
        let schoolAge = try r.double("school_age_years", .between(0, 30), fixedBecause: Fixed.age)
        let continueUntil = try r.double("continue_care_until_age_years", .between(1, 30), fixedBecause: Fixed.age)
        guard continueUntil >= leavingAge else {
            throw ScenarioError(r.location(of: "continue_care_until_age_years"), r.keyPath("continue_care_until_age_years"),
                                "must be at least leaving_age_years (\(leavingAge)); equal means care stops at the leaving age")
        }
        let householdShares = try r.numbers("household_size_shares", .fraction, fixedBecause: Fixed.householdSize)
        guard householdShares.reduce(0, +) > 0 else {
            throw ScenarioError(r.location(of: "household_size_shares"), r.keyPath("household_size_shares"), "the shares add up to 0")
        }
        var groups: [RiskGroup] = []
        for (index, item) in try r.list("risk_groups", expected: "a list of risk groups").enumerated() {
            let g = try ConfigReader(item, path: r.keyPath("risk_groups[\(index)]"))
            groups.append(RiskGroup(name: try g.string("name"), share: try g.double("share", .fraction, fixedBecause: Fixed.riskShare),
                                    onsetMultiplier: try g.double("onset_multiplier", .multiplier),
                                    escalationMultiplier: try g.double("escalation_multiplier", .multiplier)))
            try g.finish()
        }
        try check(!groups.isEmpty, r, "risk_groups", "at least one risk group is needed")
        try check(abs(groups.map(\.share).reduce(0, +) - 1) < 1e-6, r, "risk_groups",
                  "the shares must add up to 1, they add up to \(groups.map(\.share).reduce(0, +))")
        try check(Set(groups.map(\.name)).count == groups.count, r, "risk_groups", "two risk groups have the same name")
        let needs = try self.needs(r.section("needs"), leavingAge: leavingAge)
        try r.finish()
        return PopulationParameters(children: children, householdSizeShares: householdShares, riskGroups: groups,
                                    schoolAgeFrom: schoolAge, leavingAge: leavingAge, continueCareUntilAge: continueUntil, needs: needs)
    }

    private static func needs(_ r: ConfigReader, leavingAge: Double) throws(ScenarioError) -> NeedParameters {
        var bands: [OnsetBand] = []
        for (index, item) in try r.list("onset_per_year", expected: "a list of age bands").enumerated() {
            let b = try ConfigReader(item, path: r.keyPath("onset_per_year[\(index)]"))
            bands.append(OnsetBand(fromAge: try b.double("from_age_years", .upToLeavingAge(leavingAge), fixedBecause: Fixed.age), perYear: try b.double("rate", .rate)))
            try b.finish()
        }
        try check(bands.first?.fromAge == 0, r, "onset_per_year", "the first band must start at from_age_years: 0")
        try check(zip(bands, bands.dropFirst()).allSatisfy { $0.fromAge < $1.fromAge }, r, "onset_per_year",
                  "bands must be in increasing order of from_age_years")
        let n = NeedParameters(
            onset: bands,
            escalationPerYear: try lightAndModerate(r, "escalation_per_year", .rate),
            spontaneousResolutionPerYear: try perSeverity(r, "spontaneous_resolution_per_year", .rate),
            selfReferralPerYear: try perSeverity(r, "self_referral_per_year", .rate),
            crisisPerYearSevere: try r.double("crisis_per_year_severe", .rate),
            relapsePerYear: try r.double("relapse_per_year", .rate),
            burdenWeights: try perSeverity(r, "burden_weights", .weight, fixedBecause: Fixed.burdenWeight),
            recognitionFactor: try r.double("recognition_factor", .multiplier),
            onsetFactor: try r.double("onset_factor", .multiplier))
        try r.finish()
        return n
    }

    private static func budget(_ r: ConfigReader) throws(ScenarioError) -> BudgetParameters {
        let baseline = try r.double("baseline_eur_per_year", .money)
        let c = try r.section("cut")
        let fraction = try c.double("fraction", .fraction)
        let start = try c.date("start", firstOfYear: true)
        let hasRunway = c.has("runway_years"), hasSchedule = c.has("schedule")
        guard hasRunway != hasSchedule else {
            throw ScenarioError(c.node.location, c.path, "give either runway_years (0 = overnight, N = phased in over N years) or schedule (a cut per year), not \(hasRunway ? "both" : "neither")")
        }
        let runway = hasRunway ? try c.double("runway_years", .between(0, 100)) : nil
        let schedule = hasSchedule ? try c.numbers("schedule", .fraction, fixedBecause: "a cut schedule is already a value per budget year") : nil
        try c.finish()
        let b = BudgetParameters(
            baselineEurPerYear: baseline,
            cut: CutParameters(fraction: fraction, start: start, runwayYears: runway, schedule: schedule),
            reserveEur: try r.double("reserve_eur", .money, fixedBecause: "the reserve is a stock of money that the run starts with and then keeps"),
            deficitPolicy: try r.choice("deficit_policy", DeficitPolicy.self, fixedBecause: nil),
            incomeFactor: try r.double("income_factor", .positiveFactor),
            priceIndex: try r.double("price_index", .positiveFactor))
        try r.finish()
        return b
    }

    private static func services(_ r: ConfigReader, population: PopulationParameters) throws(ScenarioError) -> ServiceParameters {
        let yhc = try r.section("youth_health_care")
        let earlyHelp = try yhc.section("early_help")
        let youthHealthCare = YouthHealthCareParameters(
            budgetShare: try yhc.double("budget_share", .fraction),
            costPerChildEurPerYear: try yhc.double("cost_per_child_eur_per_year", .money),
            reach: try yhc.double("reach", .fraction),
            contactAgesYears: try yhc.numbers("contact_ages_years", .between(0, 30), minCount: 0, fixedBecause: Fixed.age),
            detectionProbability: try perSeverity(yhc, "detection_probability", .probability),
            earlyHelpEnabled: try earlyHelp.bool("enabled", fixedBecause: Fixed.earlyHelp),
            earlyHelpStaffing: try staffing(earlyHelp),
            earlyHelpDuration: try duration(earlyHelp),
            earlyHelpResolveProbability: try earlyHelp.double("resolve_probability", .probability),
            organisation: try yhc.choice("organisation", YouthHealthCareParameters.JGZOrganisation.self, fixedBecause: Fixed.splitJGZ),
            transferLoss: try yhc.double("transfer_loss", .probability))
        try earlyHelp.finish()
        try yhc.finish()

        let sc = try r.section("school_care")
        let schoolCare = SchoolCareParameters(
            budgetShare: try sc.double("budget_share", .fraction),
            shareOfChildrenCovered: try sc.double("share_of_children_covered", .fraction),
            staffing: try staffing(sc),
            detectionPerYear: try perSeverity(sc, "detection_per_year", .rate),
            duration: try duration(sc),
            resolveProbability: try lightAndModerate(sc, "resolve_probability", .probability))
        try sc.finish()

        let nt = try r.section("neighbourhood_team")
        let team = NeighbourhoodTeamParameters(
            budgetShare: try nt.double("budget_share", .fraction),
            staffing: try staffing(nt),
            outreachPerYear: try perSeverity(nt, "outreach_per_year", .rate),
            duration: try duration(nt),
            resolveProbability: try perSeverity(nt, "resolve_probability", .probability),
            residentialShareOfSevereReferrals: try nt.double("residential_share_of_severe_referrals", .fraction),
            organisation: try nt.choice("organisation", NeighbourhoodTeamParameters.TeamOrganisation.self, fixedBecause: Fixed.teams),
            placesPerWaitingChild: try nt.double("places_per_waiting_child", .placesFactor))
        try nt.finish()

        let gpReader = try r.section("general_practitioner")
        let gp = GeneralPractitionerParameters(
            detectionPerYear: try perSeverity(gpReader, "detection_per_year", .rate),
            residentialShareOfSevereReferrals: try gpReader.double("residential_share_of_severe_referrals", .fraction))
        try gpReader.finish()

        let ambulant = try specialised(r.section("specialised_ambulant"))
        let residential = try specialised(r.section("residential"))

        let yp = try r.section("youth_protection")
        let protection = YouthProtectionParameters(
            costEurPerDay: try yp.double("cost_eur_per_day", .moneyPerDay),
            placementProbability: try yp.double("placement_probability", .probability),
            duration: try duration(yp),
            resolveProbability: try yp.double("resolve_probability", .probability))
        try yp.finish()

        let f = try r.section("specialised_financing")
        let factors = try f.section("duration_factor")
        let drift = try f.section("per_day_drift")
        let financing = SpecialisedFinancing(
            model: try f.choice("model", SpecialisedFinancing.Model.self, fixedBecause: nil),
            durationFactorPerDay: try factors.double("per_day", .positiveFactor),
            durationFactorPerTrajectory: try factors.double("per_trajectory", .positiveFactor),
            durationFactorPopulationBudget: try factors.double("population_budget", .positiveFactor),
            contractShareOfIncome: try f.double("contract_share_of_income", .fraction),
            perDayDriftPerYear: try drift.double("per_year", .between(0, 10)),
            perDayMaxFactor: try drift.double("max_factor", .positiveFactor),
            reviewShare: try f.double("review_share", .fraction),
            tariffFactor: try f.double("tariff_factor", .positiveFactor))
        try drift.finish()
        try factors.finish()
        try f.finish()
        let g = try r.section("specialised_capacity_growth")
        let growth = CapacityGrowth(placesPerWaitingChild: try g.double("places_per_waiting_child", .placesFactor),
                                    delayYears: try g.int("delay_years", .between(1, 10)),
                                    shrinkPerYear: try g.double("shrink_per_year", .fraction),
                                    maxExtraFraction: try g.double("max_extra_fraction", .placesFactor),
                                    appliesFrom: try g.choice("applies_from", CapacityGrowth.AppliesFrom.self, fixedBecause: Fixed.appliesFrom),
                                    placesPerPaidStart: try g.double("places_per_paid_start", .placesFactor),
                                    inducedReferrals: try g.double("induced_referrals", .multiplier))
        try g.finish()

        let shares = youthHealthCare.budgetShare + schoolCare.budgetShare + team.budgetShare
        guard shares <= 1 + 1e-9 else {
            throw ScenarioError(r.node.location, r.path, "the budget_share of youth_health_care, school_care and neighbourhood_team add up to \(shares), more than the whole budget (1)")
        }
        return ServiceParameters(youthHealthCare: youthHealthCare, schoolCare: schoolCare, neighbourhoodTeam: team,
                                 generalPractitioner: gp, specialisedAmbulant: ambulant, residential: residential,
                                 youthProtection: protection, specialisedFinancing: financing,
                                 capacityGrowth: growth)
    }

    private static func specialised(_ r: ConfigReader) throws(ScenarioError) -> SpecialisedCareParameters {
        let s = SpecialisedCareParameters(
            placesPer1000Children: try r.double("places_per_1000_children", .placesPer1000),
            tariffEurPerDay: try r.double("tariff_eur_per_day", .moneyPerDay),
            duration: try duration(r),
            resolveProbability: try perSeverity(r, "resolve_probability", .probability))
        try r.finish()
        return s
    }

    private static func policies(_ r: ConfigReader) throws(ScenarioError) -> PolicyParameters {
        let t = try r.section("transition")
        let transition = TransitionParameters(
            date: try t.date("date", firstOfYear: false),
            teamStartProductivity: try t.double("team_start_productivity", .fraction),
            learningTimeYears: try t.double("learning_time_years", .years),
            handoverLoss: try t.double("handover_loss", .probability),
            continuityGuaranteed: try t.bool("continuity_guaranteed", fixedBecause: Fixed.onTransition),
            teamStartStaffing: try t.double("team_start_staffing", .fraction),
            hiringPerYear: try t.double("hiring_per_year", .between(0, 100)))
        try t.finish()
        let h = try r.section("handover")
        let handover = HandoverParameters(meanDays: try h.double("mean_days", .days),
                                          duplicateIntakeDays: try h.double("duplicate_intake_days", .days))
        try h.finish()
        let c = try r.section("coordination")
        let coordination = CoordinationParameters(enabled: try c.bool("enabled", fixedBecause: nil),
                                                  maxProvidersPerHousehold: try c.int("max_providers_per_household", .between(1, 20)),
                                                  handoverFactor: try c.double("handover_factor", .multiplier))
        try c.finish()
        let p = PolicyParameters(queueDiscipline: try r.choice("queue_discipline", PolicyParameters.QueueDiscipline.self, fixedBecause: Fixed.queues),
                                 giveUpPerYear: try r.double("give_up_per_year", .rate), transition: transition,
                                 indicationMeanDays: try r.double("indication_mean_days", .days),
                                 indicationCostEur: try r.double("indication_cost_eur", .money),
                                 handover: handover, coordination: coordination,
                                 openEntitlement: try openEntitlement(r.section("open_entitlement")),
                                 oldRegime: try oldRegime(r.section("old_regime")))
        return p
    }

    private static func experiment(_ r: ConfigReader) throws(ScenarioError) -> ExperimentParameters {
        let e = ExperimentParameters(replications: try r.int("replications", .between(1, 1_000_000)),
                                     seed: UInt64(try r.int("seed", .between(0, 9_007_199_254_740_991))),
                                     outputInterval: try r.choice("output_interval", ExperimentParameters.OutputInterval.self, fixedBecause: Fixed.periods))
        try r.finish()
        return e
    }

    // MARK: - Shared shapes

    private static func perSeverity(_ r: ConfigReader, _ key: String, _ expectation: Expectation,
                                    fixedBecause reason: String? = nil) throws(ScenarioError) -> PerSeverity<Double> {
        let s = try r.section(key)
        let value = PerSeverity(light: try s.double("light", expectation, fixedBecause: reason),
                                moderate: try s.double("moderate", expectation, fixedBecause: reason),
                                severe: try s.double("severe", expectation, fixedBecause: reason))
        try s.finish()
        return value
    }

    /// For values that only light and moderate needs have (severe is stored as 0).
    private static func lightAndModerate(_ r: ConfigReader, _ key: String, _ expectation: Expectation) throws(ScenarioError) -> PerSeverity<Double> {
        let s = try r.section(key)
        let value = PerSeverity(light: try s.double("light", expectation), moderate: try s.double("moderate", expectation), severe: 0)
        try s.finish()
        return value
    }

    private static func staffing(_ r: ConfigReader) throws(ScenarioError) -> Staffing {
        Staffing(costPerFteEurPerYear: try r.double("cost_per_fte_eur_per_year", .costPerYear),
                 caseloadPerFte: try r.double("caseload_per_fte", .between(0, 1000)))
    }

    static func duration(_ r: ConfigReader) throws(ScenarioError) -> DurationSpec {
        let d = try r.section("duration")
        let distribution = try d.string("distribution", oneOf: DurationDistribution.kinds)
        let spreadRange = (distribution == "weibull" ? Expectation.weibullShape : .coefficientOfVariation)
            .depending(on: "distribution (weibull: a shape from 0.1 to 50; gamma, lognormal: a coefficient of variation from 0.01 to 10)", widest: 0.01...50)
        let spec = DurationSpec(distribution: distribution, meanDays: try d.double("mean_days", .meanDays),
                                spread: distribution == "exponential" && !d.has("spread") ? 1 : try d.double("spread", spreadRange))
        try d.finish()
        return spec
    }

    /// The leaving ages a scenario may give; ages below or above it depend on it.
    static let leavingAges = 1.0...30.0

    /// Why some numbers cannot have dated values (README.md, "Dated values").
    enum Fixed {
        static let age = "ages at which a child's rates or services change are scheduled for each child in advance (the leaving age when it is born), so they hold for the whole run"
        static let burdenWeight = "the burden index weighs needs the same way over the whole run, so that its years compare"
        static let householdSize = "a household's size is drawn once, when it is formed, so the shares hold for the whole run"
        static let riskShare = "a household's risk group is drawn once, when it is formed, so the groups' shares hold for the whole run"
        // Choices and switches that set the model's shape (the others, policies read when they
        // apply, may be dated: deficit_policy, specialised_financing.model, coordination.enabled).
        static let start = "it says how the run starts"
        static let periods = "the output's periods are laid out when the run starts"
        static let queues = "the waiting lists are built with their levels (one, or one per severity) when the run starts"
        static let earlyHelp = "whether JGZ gives early help decides where the needs it notices go for the whole run; date youth_health_care.budget_share instead"
        static let splitJGZ = "a split JGZ hands each child over at school age, scheduled when the child is born"
        static let teams = "a household's providers are counted from its team or teams as long as it is in care, so the teams' organisation holds for the whole run"
        static let appliesFrom = "it already says from when capacity growth counts (the horizon's start or the transition date)"
        static let onTransition = "it applies once, on policies.transition.date"
        static let oldRegime = "the old regime is the time before policies.transition.date; move that date instead"
        static let afterTransition = "the regime after the transfer starts on policies.transition.date; move that date instead"
    }

    static func check(_ condition: Bool, _ r: ConfigReader, _ key: String, _ message: String) throws(ScenarioError) {
        guard condition else { throw ScenarioError(r.location(of: key), r.keyPath(key), message) }
    }
}

/// Ages that depend on the scenario's leaving age: the schema takes the widest range.
extension Expectation {
    static func upToLeavingAge(_ leavingAge: Double) -> Expectation {
        .between(0, leavingAge).depending(on: "population.leaving_age_years", widest: 0...ScenarioDecoder.leavingAges.upperBound)
    }

    static func fromLeavingAge(_ leavingAge: Double) -> Expectation {
        .between(leavingAge, ScenarioDecoder.leavingAges.upperBound).depending(on: "population.leaving_age_years", widest: ScenarioDecoder.leavingAges)
    }
}
