import CareModel

/// Reads policies.open_entitlement (the lever lives in CareModel/Levers/OpenEntitlement).
extension ScenarioDecoder {
    static func openEntitlement(_ r: ConfigReader) throws(ScenarioError) -> OpenEntitlementParameters {
        let t = try r.section("low_threshold")
        let o = OpenEntitlementParameters(
            accessFactor: try t.double("access_factor", .multiplier),
            accessRampYears: try t.double("ramp_years", .years),
            gpRouteOpen: try r.bool("gp_route_open", fixedBecause: Fixed.afterTransition),
            teamRefersOn: try r.double("team_refers_on", .fraction))
        try t.finish()
        try r.finish()
        return o
    }
}
