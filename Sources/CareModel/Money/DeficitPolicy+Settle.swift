extension DeficitPolicy {
    /// Year-end accounting of `deficit` (spending - income; negative: a surplus).
    /// Returns the new reserve and the money drawn from the municipality's general funds.
    func settle(deficit: Double, reserve: Double) -> (reserve: Double, extraMunicipal: Double) {
        switch self {
        case .absorb, .cutPrevention, .rationSpecialised:
            if deficit <= 0 { return (reserve - deficit, 0) }
            let fromReserve = min(max(reserve, 0), deficit)
            return (reserve - fromReserve, deficit - fromReserve)
        }
    }
}
