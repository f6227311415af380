import Charts

/// The HTML page around a report's charts: self-contained (inline CSS and SVG, no
/// script, nothing fetched), with no dates or times in it. It is also well-formed XML
/// (void elements closed), so tests read it with an XML parser.
public enum ReportPage {
    public struct Table: Sendable {
        public let caption: String
        public let header: [String]
        public let rows: [[String]]

        public init(caption: String, header: [String], rows: [[String]]) {
            self.caption = caption
            self.header = header
            self.rows = rows
        }
    }

    static let style = """
    body { font-family: "DejaVu Sans", Verdana, Arial, Helvetica, sans-serif; margin: 24px auto; max-width: 960px; color: #111; background: #fff; line-height: 1.4; }
    h1 { font-size: 28px; margin-bottom: 4px; }
    h2 { font-size: 21px; margin-top: 36px; }
    p.subtitle { font-size: 17px; color: #333; margin-top: 0; }
    figure { margin: 0 0 28px 0; }
    figure svg { max-width: 100%; height: auto; display: block; }
    table { border-collapse: collapse; margin: 12px 0 24px 0; font-size: 15px; }
    caption { text-align: left; padding-bottom: 6px; color: #333; }
    th, td { border-bottom: 1px solid #ccc; padding: 5px 10px; text-align: right; white-space: nowrap; }
    th, td.text { white-space: normal; vertical-align: bottom; }
    th:first-child, td:first-child { text-align: left; white-space: normal; min-width: 16em; }
    td.yes { font-weight: bold; }
    nav a { margin-right: 14px; }
    """

    /// A number for a table: three significant figures or whole numbers.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        if x == 0 { return "0" }
        let m = abs(x)
        let decimals = m >= 100 ? 0 : m >= 10 ? 1 : m >= 1 ? 2 : 3
        return Format.number(x, decimals: decimals)
    }

    static func table(_ t: Table) -> String {
        guard !t.rows.isEmpty else { return "" }
        var out = "<table>\n<caption>\(Format.escape(t.caption))</caption>\n<tr>"
        for h in t.header { out += "<th>\(Format.escape(h))</th>" }
        out += "</tr>\n"
        for row in t.rows {
            out += "<tr>"
            for cell in row {
                // Numbers stay on one line; words (units, labels) may wrap, so a wide table fits a projector.
                let words = !cell.contains(where: \.isNumber)
                out += cell == "yes" || cell == "FAIL" ? "<td class=\"yes\">\(cell)</td>" : words ? "<td class=\"text\">\(Format.escape(cell))</td>" : "<td>\(Format.escape(cell))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</table>\n"
    }

    /// A part of a page under its own heading: paragraphs, then tables, then charts.
    public struct Section: Sendable {
        public let heading: String
        public let paragraphs: [String]
        public let tables: [Table]
        public let figures: [RunReport.Figure]

        public init(heading: String, paragraphs: [String] = [], tables: [Table] = [], figures: [RunReport.Figure] = []) {
            self.heading = heading
            self.paragraphs = paragraphs
            self.tables = tables
            self.figures = figures
        }
    }

    /// The page's head, title, subtitle, intro and the links to its charts.
    static func top(title: String, subtitle: String, intro: String, figures: [RunReport.Figure]) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>\(Format.escape(title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
        out += "<h1>\(Format.escape(title))</h1>\n"
        if !subtitle.isEmpty { out += "<p class=\"subtitle\">\(Format.escape(subtitle))</p>\n" }
        out += "<p>\(Format.escape(intro))</p>\n"
        out += "<nav>" + figures.map { "<a href=\"#\($0.name)\">\(Format.escape($0.title))</a>" }.joined(separator: " ") + "</nav>\n"
        return out
    }

    /// A page of sections, each with its own text, tables and charts (the validation report).
    public static func html(title: String, subtitle: String, intro: String, sections: [Section]) -> String {
        var out = top(title: title, subtitle: subtitle, intro: intro, figures: sections.flatMap(\.figures))
        for s in sections {
            out += "<h2>\(Format.escape(s.heading))</h2>\n"
            for p in s.paragraphs { out += "<p>\(Format.escape(p))</p>\n" }
            for t in s.tables { out += table(t) }
            for f in s.figures { out += figure(f) }
        }
        return out + "</body>\n</html>\n"
    }

    public static func html(title: String, subtitle: String, intro: String, tables: [Table], figures: [RunReport.Figure],
                            sections: [(heading: String, figures: [RunReport.Figure])] = []) -> String {
        var out = top(title: title, subtitle: subtitle, intro: intro, figures: figures + sections.flatMap(\.figures))
        for t in tables { out += table(t) }
        for f in figures { out += figure(f) }
        for s in sections {
            out += "<h2>\(Format.escape(s.heading))</h2>\n"
            for f in s.figures { out += figure(f) }
        }
        return out + "</body>\n</html>\n"
    }

    static func figure(_ f: RunReport.Figure) -> String {
        // The SVG's own <title>, <desc> and caption text carry its heading and caption.
        "<figure id=\"\(Format.escape(f.name))\" data-chart=\"\(Format.escape(f.name))\">\n\(f.svg)</figure>\n"
    }
}
