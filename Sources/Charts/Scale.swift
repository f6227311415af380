import Foundation

/// A linear map from data values (`domain`) to pixels (`range`), with "nice" ticks.
public struct LinearScale: Sendable, Equatable {
    public let domain: ClosedRange<Double>
    public let range: ClosedRange<Double>
    /// When true, values run from the range's upper end to its lower one (y axes: larger
    /// values further up, SVG's y grows downwards).
    public let flipped: Bool

    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>, flipped: Bool = false) {
        self.domain = domain
        self.range = range
        self.flipped = flipped
    }

    public func callAsFunction(_ x: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span > 0 ? (x - domain.lowerBound) / span : 0.5
        let u = flipped ? 1 - t : t
        return range.lowerBound + u * (range.upperBound - range.lowerBound)
    }

    /// A round step near `span / count`: 1, 2 or 5 times a power of ten.
    public static func niceStep(span: Double, count: Int) -> Double {
        guard span.isFinite, span > 0, count > 0 else { return 1 }
        let raw = span / Double(count)
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let residual = raw / magnitude
        let factor: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
        return factor * magnitude
    }

    /// The smallest domain of whole steps that holds `lower...upper` (and 0 when
    /// `includeZero`), with about `count` ticks; a domain of one value is widened.
    public static func nice(_ lower: Double, _ upper: Double, count: Int = 5, includeZero: Bool = false) -> (domain: ClosedRange<Double>, step: Double) {
        var lo = min(lower, upper), hi = max(lower, upper)
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if !(lo.isFinite && hi.isFinite) { lo = 0; hi = 1 }
        if hi == lo {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= includeZero && lo >= 0 && lo - pad < 0 ? lo : pad
            hi += pad
            if includeZero && lower >= 0 { lo = max(lo, 0) }
        }
        let step = niceStep(span: hi - lo, count: count)
        let niceLo = (lo / step).rounded(.down) * step
        let niceHi = (hi / step).rounded(.up) * step
        return (niceLo...niceHi, step)
    }

    /// Tick values from the domain's lower end by `step` (rounded to the step's
    /// decimals, so 0.1 + 0.2 is 0.3).
    public static func ticks(_ domain: ClosedRange<Double>, step: Double) -> [Double] {
        guard step > 0, step.isFinite else { return [] }
        let decimals = Format.decimals(forStep: step)
        let scale = pow(10, Double(decimals))
        var out: [Double] = []
        var k = 0
        while true {
            var v = domain.lowerBound + Double(k) * step
            v = (v * scale).rounded() / scale
            if v > domain.upperBound + step * 1e-9 || out.count > 1000 { break }
            out.append(v == 0 ? 0 : v)
            k += 1
        }
        return out
    }
}

/// A time axis over fractional years (2015.0 is 1 January 2015; `year(iso:)` converts
/// dates), ticked at whole years (or quarters, for spans under two years).
public struct TimeScale: Sendable, Equatable {
    public let scale: LinearScale

    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>) {
        scale = LinearScale(domain: domain, range: range)
    }

    public func callAsFunction(_ t: Double) -> Double { scale(t) }

    /// The fractional year of an ISO date "YYYY-MM-DD" (nil when it is not one).
    public static func year(iso: String) -> Double? {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= lengths[m - 1] else { return nil }
        let dayOfYear = lengths.prefix(m - 1).reduce(0, +) + d - 1
        return Double(y) + Double(dayOfYear) / Double(leap ? 366 : 365)
    }

    /// Ticks and their labels: whole years with a step of 1, 2, 5, 10, … years, or
    /// quarters ("Apr 2015") when the domain spans under two years.
    public func ticks(maxCount: Int = 10) -> [(value: Double, label: String)] {
        let lo = scale.domain.lowerBound, hi = scale.domain.upperBound
        let span = hi - lo
        if span < 2 {
            let months = ["Jan", "Apr", "Jul", "Oct"]
            var out: [(Double, String)] = []
            var q = Int((lo * 4).rounded(.up))
            while Double(q) / 4 <= hi + 1e-9 {
                let year = Int((Double(q) / 4).rounded(.down))
                out.append((Double(q) / 4, "\(months[q - year * 4]) \(year)"))
                q += 1
            }
            return out
        }
        var step = 1
        for candidate in [1, 2, 5, 10, 20, 50, 100] {
            step = candidate
            if span / Double(candidate) <= Double(maxCount) { break }
        }
        var out: [(Double, String)] = []
        var y = Int(lo.rounded(.up))
        while y % step != 0 { y += 1 }
        while Double(y) <= hi + 1e-9 {
            out.append((Double(y), String(y)))
            y += step
        }
        return out
    }
}
