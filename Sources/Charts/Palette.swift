/// The Okabe–Ito palette: eight colours that stay distinct for the common kinds of
/// colour blindness (Okabe & Ito 2008). Lines use an order that puts yellow, hard to
/// see as a thin line on white, last.
public enum Palette {
    public static let orange = "#E69F00"
    public static let skyBlue = "#56B4E9"
    public static let bluishGreen = "#009E73"
    public static let yellow = "#F0E442"
    public static let blue = "#0072B2"
    public static let vermillion = "#D55E00"
    public static let reddishPurple = "#CC79A7"
    public static let black = "#000000"

    /// The palette in Okabe and Ito's order (for areas and bars).
    public static let okabeIto = [orange, skyBlue, bluishGreen, yellow, blue, vermillion, reddishPurple, black]

    /// The order for lines on white.
    public static let lines = [blue, vermillion, bluishGreen, orange, reddishPurple, skyBlue, black, yellow]

    /// The line colour of series `k` (cycling when there are more than eight).
    public static func line(_ k: Int) -> String { lines[k % lines.count] }

    /// The area colour of layer `k`.
    public static func area(_ k: Int) -> String { okabeIto[k % okabeIto.count] }
}
