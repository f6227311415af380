/// The regime before the transfer (policies.old_regime): until the transition date youth
/// care was paid by provinces and health insurers, access ran through an indication body
/// (Bureau Jeugdzorg), places were a fixed contract, and there was no neighbourhood team.
/// Fixed places are the default of `services.specialised_capacity_growth` (or its
/// `applies_from: transition`); a GP's referral (youth mental health, paid by insurers)
/// passed no indication then either.
public struct OldRegimeParameters: Sendable, Codable, Equatable {
    public var enabled: Bool
    /// Mean days of the indication body's decision before specialised care (0: none).
    public var indicationMeanDays: Double
    /// Share of the light needs brought to the indication body that it turns away (advice,
    /// no youth care): the need goes home unnoticed.
    public var lightNeedsTurnedAway: Double

    public init(enabled: Bool, indicationMeanDays: Double, lightNeedsTurnedAway: Double) {
        self.enabled = enabled
        self.indicationMeanDays = indicationMeanDays
        self.lightNeedsTurnedAway = lightNeedsTurnedAway
    }

    public static let off = OldRegimeParameters(enabled: false, indicationMeanDays: 0, lightNeedsTurnedAway: 0)
}
