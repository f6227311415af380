import CareModel

/// Reads policies.old_regime (the lever lives in CareModel/Levers/OldRegime).
extension ScenarioDecoder {
    static func oldRegime(_ r: ConfigReader) throws(ScenarioError) -> OldRegimeParameters {
        let o = OldRegimeParameters(enabled: try r.bool("enabled", fixedBecause: Fixed.oldRegime),
                                    indicationMeanDays: try r.double("indication_mean_days", .days),
                                    lightNeedsTurnedAway: try r.double("light_needs_turned_away", .fraction))
        try r.finish()
        return o
    }
}
