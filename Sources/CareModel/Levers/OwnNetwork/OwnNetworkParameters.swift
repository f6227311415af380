/// The family's own network: a youth at risk of a residential placement gets a mentor it
/// chooses from its own circle (JIM, jouw ingebrachte mentor) or a network meeting
/// (netwerkberaad) of family and friends, who make a plan that may keep the youth at home
/// or shorten the stay.
public struct OwnNetworkParameters: Sendable, Codable, Equatable {
    /// Share of the youths referred to residential care, or about to be placed out of home
    /// under youth protection, who get a mentor or a network meeting (0: off).
    public var share: Double
    /// Probability that, with it, the placement is not needed (the youth gets ambulant care
    /// or, under youth protection, stays at home).
    public var placementAvoided: Double
    /// Factor on the length of the residential episodes of those placed all the same.
    public var stayFactor: Double
    /// Cost of one case (the meeting or the mentor's support).
    public var costEurPerCase: Double

    public init(share: Double, placementAvoided: Double, stayFactor: Double, costEurPerCase: Double) {
        self.share = share
        self.placementAvoided = placementAvoided
        self.stayFactor = stayFactor
        self.costEurPerCase = costEurPerCase
    }
}

/// The own network as the event loop uses it; off when the share is 0.
struct OwnNetwork: Sendable {
    let enabled: Bool
    let share: Double
    let placementAvoided: Double
    let stayFactor: Double
    let costEurPerCase: Double

    init(_ p: OwnNetworkParameters) {
        enabled = p.share > 0
        share = p.share
        placementAvoided = p.placementAvoided
        stayFactor = p.stayFactor
        costEurPerCase = p.costEurPerCase
    }
}
