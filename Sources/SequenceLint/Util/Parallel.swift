import Dispatch

/// `body(0..<count)` on every core, results in index order (so output never depends on which
/// finished first). The one place the engine writes results across threads.
package func parallelMap<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    let slots = ParallelSlots<T>(count)
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let work = body
        slots.items.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: count) { i in out[i] = work(i) }
        }
    }
    return slots.items.map { $0! }
}

private final class ParallelSlots<T>: @unchecked Sendable {
    var items: [T?]
    init(_ n: Int) { items = Array(repeating: nil, count: n) }
}

private enum Either<A, B> {
    case a(A), b(B)
}

/// Two independent computations on two cores.
package func inParallel<A, B>(_ a: () -> A, _ b: () -> B) -> (A, B) {
    let results = parallelMap(2) { i -> Either<A, B> in i == 0 ? .a(a()) : .b(b()) }
    guard case .a(let x) = results[0], case .b(let y) = results[1] else { preconditionFailure("unreachable") }
    return (x, y)
}
