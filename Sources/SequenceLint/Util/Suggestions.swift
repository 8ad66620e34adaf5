#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// "Did you mean" suggestions by edit distance.
public enum Suggestions {
    /// Edit distance over Unicode scalars, ignoring case, where swapping two neighbours is one
    /// edit (optimal string alignment); gives up (returning `limit + 1`) past `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        distance(Array(a.lowercased().unicodeScalars), Array(b.lowercased().unicodeScalars), limit: limit)
    }

    static func distance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], limit: Int) -> Int {
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[y.count]
    }

    /// The closest candidate within about a third of the word's length (at least 1, at most 3 edits);
    /// nil when two or more different candidates are equally close (no clear winner to suggest).
    @inlinable
    public static func closest<S: Sequence>(to word: String, among candidates: S) -> String? where S.Element == String {
        // The loop is made where the candidates' type is known; each candidate is weighed here.
        var search = ClosestSearch(word)
        for candidate in candidates { search.consider(candidate) }
        return search.result
    }

    /// The state of one `closest` search.
    @usableFromInline
    struct ClosestSearch {
        let word: String
        let limit: Int
        let x: [UInt32]
        let wordSignature: UInt64
        let wordBytes: Int
        var y: [UInt32] = []
        var rows = Rows()
        var best: (String, Int)?
        var tied = false

        @usableFromInline
        init(_ word: String) {
            self.word = word
            limit = max(1, min(3, (word.count + 1) / 3))
            x = Array(word.lowercased().unicodeScalars).map(\.value)
            // Which characters occur, as 64 bits: one edit changes at most two of them, so half the
            // differing bits is a lower bound on the distance that costs almost nothing to check.
            wordSignature = x.reduce(0) { $0 | (1 << UInt64($1 % 64)) }
            wordBytes = word.utf8.count
        }

        @usableFromInline
        var result: String? { tied ? nil : best?.0 }

        @usableFromInline
        mutating func consider(_ candidate: String) {
            // Lengths alone rule most candidates out before any work.
            if abs(candidate.utf8.count - wordBytes) > limit * 2 { return }
            // Only candidates as close as the best so far can change the answer (a closer one
            // wins, an equally close one ties): past that, give up early.
            let bound = min(limit, best?.1 ?? limit)
            y.removeAll(keepingCapacity: true)
            var candidateSignature: UInt64 = 0
            // ASCII, the common case, read as bytes; anything else scalar by scalar.
            var candidateBytes = candidate
            let ascii = candidateBytes.withUTF8 { bytes -> Bool in
                for byte in bytes {
                    guard byte < 0x80 else { return false }
                    let folded = UInt32(byte >= 65 && byte <= 90 ? byte + 32 : byte)
                    y.append(folded)
                    candidateSignature |= 1 << UInt64(folded % 64)
                }
                return true
            }
            if !ascii {
                y.removeAll(keepingCapacity: true)
                candidateSignature = 0
                for scalar in candidate.unicodeScalars {
                    // ASCII folds without making a string; other letters go through lowercased().
                    if scalar.value < 0x80 {
                        let folded = scalar.value >= 65 && scalar.value <= 90 ? scalar.value + 32 : scalar.value
                        y.append(folded)
                        candidateSignature |= 1 << UInt64(folded % 64)
                    } else {
                        for value in String(scalar).lowercased().unicodeScalars.map(\.value) {
                            y.append(value)
                            candidateSignature |= 1 << UInt64(value % 64)
                        }
                    }
                }
            }
            if (wordSignature ^ candidateSignature).nonzeroBitCount > 2 * bound { return }
            // Within one edit (the usual bound once a close candidate is known): a linear check.
            let d = bound == 1 ? withinOne(x, y) : rows.distance(x, y, limit: bound)
            // The word itself is no suggestion (compared only now: most candidates are far).
            guard d <= bound, candidate != word else { return }
            if best == nil || d < best!.1 {
                best = (candidate, d)
                tied = false
            } else if d == best!.1, candidate != best!.0 {
                tied = true
            }
        }
    }

    /// The edit distance (as `distance`) when it is 0 or 1, else 2: equal, or one substitution,
    /// insertion, deletion or swap of neighbours apart.
    static func withinOne(_ x: [UInt32], _ y: [UInt32]) -> Int {
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        if long.count - short.count > 1 { return 2 }
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        if i == long.count { return 0 }
        if short.count == long.count {
            // One substitution at i, or a swap of i and i + 1.
            if short[(i + 1)...] == long[(i + 1)...] { return 1 }
            if i + 1 < short.count, short[i] == long[i + 1], short[i + 1] == long[i], short[(i + 2)...] == long[(i + 2)...] { return 1 }
            return 2
        }
        // One character more in the longer: it is at i.
        return short[i...] == long[(i + 1)...] ? 1 : 2
    }

    /// Reusable rows for the edit-distance table.
    struct Rows {
        var before: [Int] = [], previous: [Int] = [], current: [Int] = []

        mutating func distance(_ x: [UInt32], _ y: [UInt32], limit: Int) -> Int {
            if abs(x.count - y.count) > limit { return limit + 1 }
            if x.isEmpty { return y.count }
            if y.isEmpty { return x.count }
            let n = y.count + 1
            if before.count < n {
                before = Array(repeating: 0, count: n); previous = before; current = before
            }
            // Unchecked: every index is below n.
            return x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in
                    before.withUnsafeMutableBufferPointer { b in
                        previous.withUnsafeMutableBufferPointer { p in
                            current.withUnsafeMutableBufferPointer { c in
                                var before = b.baseAddress!, previous = p.baseAddress!, current = c.baseAddress!
                                for j in 0..<n { previous[j] = j }
                                for i in 1...x.count {
                                    current[0] = i
                                    var rowMin = i
                                    let xi = x[i - 1]
                                    for j in 1...y.count {
                                        let cost = xi == y[j - 1] ? 0 : 1
                                        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                                        if i > 1, j > 1, xi == y[j - 2], x[i - 2] == y[j - 1] { value = min(value, before[j - 2] + 1) }
                                        current[j] = value
                                        rowMin = min(rowMin, value)
                                    }
                                    if rowMin > limit { return limit + 1 }
                                    (before, previous, current) = (previous, current, before)
                                }
                                return previous[y.count]
                            }
                        }
                    }
                }
            }
        }
    }

    /// `; did you mean 'x'?` or the empty string.
    public static func didYouMean<S: Sequence>(_ word: String, among candidates: S) -> String where S.Element == String {
        closest(to: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}

extension Array where Element == String {
    /// "a, b or c".
    public var orList: String {
        count <= 1 ? joined() : dropLast().joined(separator: ", ") + " or " + last!
    }
}

extension Array where Element == String {
    /// "a, b and c".
    public var andList: String {
        count <= 1 ? joined() : dropLast().joined(separator: ", ") + " and " + last!
    }
}

/// Byte offsets where lines start; a line ends at LF, CRLF or a lone CR.
func lineStartOffsets(_ bytes: [UInt8]) -> [Int] {
    var starts = [0]
    var i = 0
    while i < bytes.count {
        if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) { starts.append(i + 1) }
        i += 1
    }
    return starts
}

/// How many "did you mean" comparisons a run may still make, shared by every file and rule of
/// the run: a hostile input of many misspellings against a large framework stays fast however
/// it is split into files or curricula.
public final class SuggestionBudget: @unchecked Sendable {
    private var lock = pthread_mutex_t()
    private var remaining: Int

    /// A budget of `comparisons` candidate comparisons.
    public init(_ comparisons: Int = 2_000_000) {
        remaining = comparisons
        pthread_mutex_init(&lock, nil)
    }

    deinit { pthread_mutex_destroy(&lock) }

    /// Takes all of `amount` or, when less is left, nothing (returning false).
    public func take(_ amount: Int) -> Bool {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        guard remaining >= amount else { return false }
        remaining -= amount
        return true
    }

    /// Takes `comparisons` from the budget; false (taking nothing) once it is spent.
    public func spend(_ comparisons: Int) -> Bool {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        guard remaining > 0 else { return false }
        remaining -= comparisons
        return true
    }
}
