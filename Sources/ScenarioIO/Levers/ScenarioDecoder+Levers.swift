import CareModel

/// Reads the sections of the levers that meet the replication through the seam
/// (`CareModel/Levers/LeverSeam.swift`): each lever's section is read here, where it
/// sits in the scenario (under services or policies), into `LeverParameters`.
extension ScenarioDecoder {
    /// The levers under services (read last among them), and finishes the services section.
    struct ServiceLevers {
        var debtHelp: DebtHelpParameters
        var schoolToWork: SchoolToWorkParameters
        var region: RegionParameters
    }

    static func serviceLevers(_ r: ConfigReader, population: PopulationParameters) throws(ScenarioError) -> ServiceLevers {
        let l = ServiceLevers(debtHelp: try debtHelp(r.section("debt_help"), riskGroups: population.riskGroups.map(\.name)),
                              schoolToWork: try schoolToWork(r.section("school_to_work"), leavingAge: population.leavingAge),
                              region: try region(r.section("region")))
        try r.finish()
        return l
    }

    /// All the seam's levers: those under services, and those under policies (read last among them; finishes the policies section).
    static func levers(_ s: ServiceLevers, _ r: ConfigReader) throws(ScenarioError) -> LeverParameters {
        let l = LeverParameters(schoolToWork: s.schoolToWork, debtHelp: s.debtHelp, region: s.region,
                                specialistConsultation: try specialistConsultation(r.section("specialist_consultation")),
                                ownNetwork: try ownNetwork(r.section("own_network")),
                                communityWork: try communityWork(r.section("community_work")))
        try r.finish()
        return l
    }

    /// services.school_to_work (CareModel/Levers/SchoolToWork).
    static func schoolToWork(_ r: ConfigReader, leavingAge: Double) throws(ScenarioError) -> SchoolToWorkParameters {
        let s = SchoolToWorkParameters(
            enabled: try r.bool("enabled", fixedBecause: Fixed.schoolToWork),
            fromAgeYears: try r.double("from_age_years", .upToLeavingAge(leavingAge), fixedBecause: Fixed.age),
            untilAgeYears: try r.double("until_age_years", .fromLeavingAge(leavingAge), fixedBecause: Fixed.age),
            resolutionPerYear: try r.double("resolution_per_year", .rate),
            costEurPerParticipantPerYear: try r.double("cost_eur_per_participant_per_year", .money))
        try check(s.fromAgeYears < leavingAge, r, "from_age_years", "must be below population.leaving_age_years (\(leavingAge))")
        try r.finish()
        return s
    }

    /// services.debt_help (CareModel/Levers/DebtHelp). Money-problem hazards are given per risk group, by the group's name.
    static func debtHelp(_ r: ConfigReader, riskGroups: [String]) throws(ScenarioError) -> DebtHelpParameters {
        let m = try r.section("money_problems_per_year")
        m.keysAreNames(of: "population.risk_groups")
        var perGroup: [Double] = []
        for name in riskGroups { perGroup.append(try m.double(name, .rate)) }
        try m.finish()
        let d = DebtHelpParameters(
            enabled: try r.bool("enabled", fixedBecause: Fixed.moneyProblems), moneyProblemsPerYear: perGroup,
            resolvePerYear: try r.double("resolve_per_year", .rate), applyPerYear: try r.double("apply_per_year", .rate),
            onsetMultiplier: try r.double("onset_multiplier", .multiplier),
            escalationMultiplier: try r.double("escalation_multiplier", .multiplier),
            budgetEurPerYear: try r.double("budget_eur_per_year", .money),
            costPerHouseholdEurPerYear: try r.double("cost_per_household_eur_per_year", .costPerYear),
            duration: try duration(r), resolveProbability: try r.double("resolve_probability", .probability))
        try r.finish()
        return d
    }

    /// services.region (CareModel/Levers/Region).
    static func region(_ rg: ConfigReader) throws(ScenarioError) -> RegionParameters {
        let episodes = try rg.section("other_episodes_per_1000_children_per_year")
        let region = RegionParameters(otherChildren: try rg.int("other_children", .otherChildren),
                                      otherEpisodesPer1000Ambulant: try episodes.double("ambulant", .ratePer1000),
                                      otherEpisodesPer1000Residential: try episodes.double("residential", .ratePer1000))
        try episodes.finish()
        try rg.finish()
        return region
    }

    /// policies.specialist_consultation (CareModel/Levers/SpecialistConsultation).
    static func specialistConsultation(_ r: ConfigReader) throws(ScenarioError) -> SpecialistConsultationParameters {
        let c = SpecialistConsultationParameters(
            hoursPerTeamPerWeek: try r.double("hours_per_team_per_week", .between(0, 168)),
            budgetEurPerYear: try r.double("budget_eur_per_year", .money),
            costEurPerHour: try r.double("cost_eur_per_hour", .money),
            hoursPerCase: try r.double("hours_per_case", .between(0.1, 100)),
            ftePerTeam: try r.double("fte_per_team", .between(1, 1000)),
            resolveShare: try r.double("resolve_share", .probability))
        try r.finish()
        return c
    }

    /// policies.own_network (CareModel/Levers/OwnNetwork).
    static func ownNetwork(_ r: ConfigReader) throws(ScenarioError) -> OwnNetworkParameters {
        let o = OwnNetworkParameters(share: try r.double("share", .fraction),
                                     placementAvoided: try r.double("placement_avoided", .probability),
                                     stayFactor: try r.double("stay_factor", .positiveFactor),
                                     costEurPerCase: try r.double("cost_eur_per_case", .money))
        try r.finish()
        return o
    }

    /// policies.community_work (CareModel/Levers/CommunityWork).
    static func communityWork(_ r: ConfigReader) throws(ScenarioError) -> CommunityWorkParameters {
        let c = CommunityWorkParameters(shareFlagged: try r.double("share_flagged", .fraction),
                                        onsetReduction: try r.double("onset_reduction", .fraction),
                                        lagYears: try r.double("lag_years", .years),
                                        costEurPerHousehold: try r.double("cost_eur_per_household", .money))
        try r.finish()
        return c
    }
}

extension ScenarioDecoder.Fixed {
    static let moneyProblems = "money problems are a state every household carries from the start of the run"
    static let schoolToWork = "a young person's support is scheduled at the ages it begins and ends as they reach them; date resolution_per_year instead"
}

extension Expectation {
    /// Children in a region's other municipalities (0: alone).
    static let otherChildren = Expectation.between(0, 20_000_000)
}
