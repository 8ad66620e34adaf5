#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Phase timings for `SEQUENCELINT_TIMING=1` (and the benchmark): wall time per phase, and the
/// time summed over worker threads for the parallel per-file phases.
package final class Timing: @unchecked Sendable {
    /// The process-wide collector; nil unless SEQUENCELINT_TIMING is set.
    package static let shared: Timing? = getenv("SEQUENCELINT_TIMING") != nil ? Timing() : nil

    private var lock = pthread_mutex_t()
    private var phases: [(String, Double)] = []
    private var sums: [String: Double] = [:]

    init() { pthread_mutex_init(&lock, nil) }

    /// Seconds on a monotonic clock.
    package static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Records a phase's wall time.
    package func record(_ phase: String, since start: Double) {
        let elapsed = Timing.now() - start
        pthread_mutex_lock(&lock)
        phases.append((phase, elapsed))
        pthread_mutex_unlock(&lock)
    }

    /// Adds to a per-file phase summed over threads.
    package func add(_ phase: String, _ seconds: Double) {
        pthread_mutex_lock(&lock)
        sums[phase, default: 0] += seconds
        pthread_mutex_unlock(&lock)
    }

    /// Times `body` as a phase when timing is on.
    @inline(__always)
    package static func measure<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        guard let shared else { return try body() }
        let start = now()
        defer { shared.record(phase, since: start) }
        return try body()
    }

    /// The table, for standard error.
    package func report() -> String {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        var out = "sequencelint timing (seconds):\n"
        for (phase, t) in phases { out += "  \(phase): \(String(format3(t)))\n" }
        for (phase, t) in sums.sorted(by: { $0.key < $1.key }) { out += "  \(phase) (summed over threads): \(format3(t))\n" }
        return out
    }

    private func format3(_ x: Double) -> String {
        let ms = Int((x * 1000).rounded())
        return "\(ms / 1000).\(String(repeating: "0", count: 3 - String(ms % 1000).count))\(ms % 1000)"
    }
}
