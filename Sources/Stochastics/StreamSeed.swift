/// Derives the seed of one random stream from (run seed, replication, stream id).
///
/// Each random process of a replication gets its own stream, so two scenarios run
/// with the same seed draw the same numbers for the same process (common random
/// numbers), and replications never share a stream whatever the thread count.
/// The three numbers are combined with the SplitMix64 finaliser, a bijective
/// mixing function: it only scrambles bits, it is not used as a generator.
public enum StreamSeed {
    public static func derive(seed: UInt64, replication: Int, stream: UInt32) -> UInt64 {
        var x = mix(seed &+ 0x9E37_79B9_7F4A_7C15)
        x = mix(x ^ UInt64(truncatingIfNeeded: replication) &* 0xBF58_476D_1CE4_E5B9)
        x = mix(x ^ UInt64(stream) &* 0x94D0_49BB_1331_11EB)
        return x
    }

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
