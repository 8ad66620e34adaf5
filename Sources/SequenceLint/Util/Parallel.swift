import Dispatch

/// `body(0..<count)` on every core, results in index order (so output never depends on which
/// finished first). The compiler checks that `body` and its results may cross threads; the
/// one unchecked step is each call writing its own slot of the result buffer.
package func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = ParallelSlots<T>(count)
    slots.items.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let out = buffer
        DispatchQueue.concurrentPerform(iterations: count) { i in out[i] = body(i) }
    }
    return slots.items.map { $0! }
}

private final class ParallelSlots<T>: @unchecked Sendable {
    var items: [T?]
    init(_ n: Int) { items = Array(repeating: nil, count: n) }
}

private enum Either<A: Sendable, B: Sendable>: Sendable {
    case a(A), b(B)
}

/// Two independent computations on two cores.
package func inParallel<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    let results = parallelMap(2) { i -> Either<A, B> in i == 0 ? .a(a()) : .b(b()) }
    guard case .a(let x) = results[0], case .b(let y) = results[1] else { preconditionFailure("unreachable") }
    return (x, y)
}
