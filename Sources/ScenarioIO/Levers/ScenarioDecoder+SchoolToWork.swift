import CareModel

/// Reads services.school_to_work (the lever lives in CareModel/Levers/SchoolToWork).
extension ScenarioDecoder {
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
}
