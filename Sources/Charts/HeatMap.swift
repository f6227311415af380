/// A grid of values (e.g. a sweep: cut fraction × runway years), each cell coloured on
/// a light-to-dark blue ramp (readable in grey and for colour-blind readers) and
/// labelled with its value.
public struct HeatMap: Sendable {
    public var frame: ChartFrame
    public var columns: [String]
    public var rows: [String]
    /// values[row][column].
    public var values: [[Double]]
    public var decimals: Int

    public init(frame: ChartFrame, columns: [String], rows: [String], values: [[Double]], decimals: Int = 1) throws(ChartError) {
        guard values.count == rows.count else { throw .lengthMismatch("rows") }
        for (r, row) in values.enumerated() {
            guard row.count == columns.count else { throw .lengthMismatch(rows[r]) }
            for (c, v) in row.enumerated() where !v.isFinite { throw .nonFinite(rows[r], c) }
        }
        self.frame = frame
        self.columns = columns
        self.rows = rows
        self.values = values
        self.decimals = decimals
    }

    /// The ramp's colour at `t` in 0...1 (from #eff3ff to #08306b).
    public static func color(_ t: Double) -> String {
        let u = min(max(t.isFinite ? t : 0, 0), 1)
        let from = (0xEF, 0xF3, 0xFF), to = (0x08, 0x30, 0x6B)
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * u).rounded()) }
        let hex = Array("0123456789ABCDEF")
        return "#" + [mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2)].map { "\(hex[$0 / 16])\(hex[$0 % 16])" }.joined()
    }

    public func svg() -> String {
        var canvas = Canvas(frame: frame, legend: [])
        guard !rows.isEmpty, !columns.isEmpty else { canvas.noData(); return canvas.svg() }
        let all = values.flatMap { $0 }
        let lo = all.min()!, hi = all.max()!
        let cellWidth = (canvas.plotRight - canvas.plotLeft) / Double(columns.count)
        let cellHeight = (canvas.plotBottom - canvas.plotTop) / Double(rows.count)
        let c = Canvas.c
        for (r, row) in values.enumerated() {
            // The first row at the bottom, like a y axis.
            let y = canvas.plotBottom - Double(r + 1) * cellHeight
            canvas.add("<text x=\"\(c(canvas.plotLeft - 8))\" y=\"\(c(y + cellHeight / 2 + 5))\" text-anchor=\"end\" font-size=\"14\" fill=\"#222222\">\(Format.escape(rows[r]))</text>")
            for (k, v) in row.enumerated() {
                let t = hi > lo ? (v - lo) / (hi - lo) : 0.5
                let x = canvas.plotLeft + Double(k) * cellWidth
                canvas.add("<rect x=\"\(c(x + 1))\" y=\"\(c(y + 1))\" width=\"\(c(cellWidth - 2))\" height=\"\(c(cellHeight - 2))\" fill=\"\(Self.color(t))\"/>")
                canvas.add("<text x=\"\(c(x + cellWidth / 2))\" y=\"\(c(y + cellHeight / 2 + 6))\" text-anchor=\"middle\" font-size=\"16\" fill=\"\(t > 0.5 ? "#ffffff" : "#111111")\">\(Format.number(v, decimals: decimals))</text>")
            }
        }
        canvas.xLabels(columns.enumerated().map { (canvas.plotLeft + (Double($0.offset) + 0.5) * cellWidth, $0.element) })
        return canvas.svg()
    }
}
