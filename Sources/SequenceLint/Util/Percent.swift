import Foundation

/// Shares as percentages in messages.
public enum Percent {
    /// `25%`.
    public static func text(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

    /// A share beside a bound it is outside of, with enough decimals not to look equal to it
    /// (`75.02%`, not `75%`, for a share just above a 75% maximum).
    public static func text(_ x: Double, beside bound: Double) -> String {
        var digits = 0
        while digits < 4 {
            let scale = pow(10.0, Double(digits))
            if (x * 100 * scale).rounded() != (bound * 100 * scale).rounded() { break }
            digits += 1
        }
        return String(format: "%.\(digits)f%%", x * 100)
    }
}
