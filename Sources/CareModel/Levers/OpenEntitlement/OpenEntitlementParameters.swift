/// The regime after the transfer (policies.open_entitlement): from the transition date the
/// municipality pays for care it cannot refuse (the Jeugdwet of 2015). Two of its
/// mechanisms live here; supply that follows referrals is
/// `services.specialised_capacity_growth` (`applies_from: transition`) and the per-day
/// incentive's drift is `services.specialised_financing.per_day_drift`.
public struct OpenEntitlementParameters: Sendable, Codable, Equatable {
    /// Low threshold draws demand (aanzuigende werking): factor on the hazards that a light
    /// or moderate need reaches the neighbourhood team (the family's own request, the team's
    /// outreach) once the new regime has run `accessRampYears`; 1 = no draw.
    public var accessFactor: Double
    /// Years from the transition date to the full factor (linear; 0 = at once).
    public var accessRampYears: Double
    /// GP referrals bypass the municipality from the transition date: no indication step,
    /// and a provider's place even when rationing has capped the places the municipality buys.
    public var gpRouteOpen: Bool
    /// The team as a front door: from the transition date, this share of the cases the
    /// team would close itself (their need resolved) it refers on to paid specialised care
    /// instead; 0 = the team refers on only what it cannot resolve.
    public var teamRefersOn: Double

    public init(accessFactor: Double, accessRampYears: Double, gpRouteOpen: Bool, teamRefersOn: Double = 0) {
        self.teamRefersOn = teamRefersOn
        self.accessFactor = accessFactor
        self.accessRampYears = accessRampYears
        self.gpRouteOpen = gpRouteOpen
    }

    /// Every mechanism off (the stationary baseline).
    public static let off = OpenEntitlementParameters(accessFactor: 1, accessRampYears: 0, gpRouteOpen: false)

    /// The low threshold's factor `years` after the transition date (1 before it).
    public func access(yearsSinceTransition years: Double) -> Double {
        guard accessFactor != 1, years >= 0 else { return 1 }
        guard accessRampYears > 0 else { return accessFactor }
        return 1 + (accessFactor - 1) * min(1, years / accessRampYears)
    }
}
