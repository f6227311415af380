import Foundation

/// Number and text formatting for SVG: fixed precision, so the same chart is always
/// the same bytes.
public enum Format {
    /// A coordinate with two decimals ("-0.00" written as "0.00"). Integer arithmetic
    /// rather than String(format:), which is slow on Linux and charts have thousands.
    public static func coordinate(_ x: Double) -> String {
        let hundredths = (x * 100).rounded()
        guard hundredths.isFinite, abs(hundredths) < 1e15 else { return String(format: "%.2f", x) }
        let n = Int(hundredths)
        let magnitude = n.magnitude
        let fraction = magnitude % 100
        return (n < 0 ? "-" : "") + String(magnitude / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }

    /// A tick label: `decimals` decimals and a comma between thousands (45,000; 1.25).
    public static func number(_ x: Double, decimals: Int) -> String {
        var s = String(format: "%.\(max(0, decimals))f", x)
        if s.hasPrefix("-"), Double(s) == 0 { s.removeFirst() }
        let negative = s.hasPrefix("-")
        if negative { s.removeFirst() }
        let parts = s.split(separator: ".", maxSplits: 1)
        let whole = Array(parts[0])
        var grouped = ""
        for (i, c) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        return (negative ? "-" : "") + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// Decimals needed to tell ticks `step` apart (0 for whole steps).
    public static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var d = 0
        while d < 10 && abs((step * pow(10, Double(d))).rounded() - step * pow(10, Double(d))) > 1e-9 * max(1, step * pow(10, Double(d))) { d += 1 }
        return d
    }

    /// Text safe inside an XML/HTML element or attribute.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Splits `text` into lines of at most about `width` characters, at spaces.
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty { current = String(word) }
            else if current.count + 1 + word.count <= width { current += " " + word }
            else { lines.append(current); current = String(word) }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// An estimate of a text's width in pixels at `size` (for layout without a font).
    public static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.58
    }
}
