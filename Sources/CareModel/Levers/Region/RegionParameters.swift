/// A region whose municipalities buy specialised care from the same providers: the
/// places are one pool, and the other municipalities' children take them too.
public struct RegionParameters: Sendable, Codable, Equatable {
    /// Children in the other municipalities of the region (0: the municipality buys alone).
    public var otherChildren: Int
    /// Episodes of specialised ambulant and residential care the other municipalities start
    /// per 1,000 of their children per year. They contract places at this municipality's
    /// rates per 1,000 children, and their families give up waiting at the same hazard.
    public var otherEpisodesPer1000Ambulant: Double
    public var otherEpisodesPer1000Residential: Double

    public init(otherChildren: Int, otherEpisodesPer1000Ambulant: Double, otherEpisodesPer1000Residential: Double) {
        self.otherChildren = otherChildren
        self.otherEpisodesPer1000Ambulant = otherEpisodesPer1000Ambulant
        self.otherEpisodesPer1000Residential = otherEpisodesPer1000Residential
    }
}
