extension MetricCatalog {
    /// The other municipalities' children in the shared places and lists (services.region); 0 alone.
    static let region: [MetricDefinition] = [
        .init("region_others_in_care", "children", "children of the other municipalities in the region (services.region) in the shared specialised places at the end of the period; the waiting_*, in_care_* and capacity_* columns count this municipality's children and contracted places only", .stock) { Double($0.levers.region.clients.inCare.reduce(0, +)) },
        .init("region_others_waiting", "children", "children of the other municipalities on the shared specialised waiting lists at the end of the period", .stock) { Double($0.levers.region.clients.waiting.reduce(0, +)) },
    ]
}
