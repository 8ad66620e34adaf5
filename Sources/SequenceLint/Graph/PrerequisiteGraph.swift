/// The prerequisite graph of one curriculum, stored flat (compressed adjacency).
///
/// Nodes are lessons (`0..<lessonCount`) and units (`lessonCount + u`). A lesson has an edge to
/// each lesson or unit its `requires` names; a unit has an edge to each of its lessons (requiring
/// a unit means requiring all of them). Every algorithm here is iterative and linear, so a chain
/// or cycle of 100,000 lessons neither overflows the stack nor goes quadratic.
public struct PrerequisiteGraph: Sendable {
    /// Number of lessons; units follow them.
    public let lessonCount: Int
    /// Lessons plus units.
    public let nodeCount: Int
    /// Out-edges of node `n` are `edgeTarget[edgeStart[n]..<edgeStart[n+1]]`.
    public private(set) var edgeStart: [Int32]
    /// Target node of each edge.
    public private(set) var edgeTarget: [Int32]
    /// For a lesson's edge, the index of its `requires` entry; -1 for unit-to-lesson edges.
    public private(set) var edgeEntry: [Int32]
    /// For each lesson, the resolved target node of each `requires` entry (-1: names nothing).
    public private(set) var entryTarget: [[Int32]]
    /// Components, cycles and reachability over the same edges.
    public let digraph: Digraph

    /// Builds the graph of a curriculum.
    public init(_ curriculum: Curriculum) {
        lessonCount = curriculum.lessons.count
        nodeCount = lessonCount + curriculum.units.count
        var starts = [Int32](repeating: 0, count: nodeCount + 1)
        var targets: [Int32] = []
        var entries: [Int32] = []
        var resolved: [[Int32]] = []
        resolved.reserveCapacity(lessonCount)
        for lesson in curriculum.lessons {
            starts[lesson.position] = Int32(targets.count)
            var row: [Int32] = []
            row.reserveCapacity(lesson.requires.count)
            for (e, ref) in lesson.requires.enumerated() {
                let node: Int32
                switch curriculum.items[ref.text] {
                case .lesson(let l)?: node = Int32(l)
                case .unit(let u)?: node = Int32(lessonCount + u)
                case nil: node = -1
                }
                row.append(node)
                if node >= 0 {
                    targets.append(node)
                    entries.append(Int32(e))
                }
            }
            resolved.append(row)
        }
        for (u, unit) in curriculum.units.enumerated() {
            starts[lessonCount + u] = Int32(targets.count)
            for l in unit.lessons {
                targets.append(Int32(l))
                entries.append(-1)
            }
        }
        starts[nodeCount] = Int32(targets.count)
        edgeStart = starts
        edgeTarget = targets
        edgeEntry = entries
        entryTarget = resolved
        digraph = Digraph(edgeStart: starts, edgeTarget: targets)
    }

    /// Strongly connected component of each node.
    public var component: [Int32] { digraph.component }

    /// One shortest cycle through `node`, as edge indices (see `Digraph.shortestCycle`).
    public func shortestCycle(through node: Int) -> [Int] { digraph.shortestCycle(through: node) }

    /// The node an edge leaves.
    public func source(ofEdge edge: Int) -> Int { digraph.source(ofEdge: edge) }

    /// Out-edge range of a node.
    @inlinable public func edges(of node: Int) -> Range<Int> {
        Int(edgeStart[node])..<Int(edgeStart[node + 1])
    }

    /// Whether a node lies on a cycle.
    public func isOnCycle(_ node: Int) -> Bool { digraph.isOnCycle(node) }

    /// The item a node stands for.
    public func item(_ node: Int) -> Item {
        node < lessonCount ? .lesson(node) : .unit(node - lessonCount)
    }
}

/// A directed graph in compressed adjacency form, with its strongly connected components.
/// Iterative throughout: deep chains cannot overflow the stack.
public struct Digraph: Sendable {
    /// Out-edges of node `n` are `edgeTarget[edgeStart[n]..<edgeStart[n+1]]`.
    public let edgeStart: [Int32]
    /// Target node of each edge.
    public let edgeTarget: [Int32]
    /// Strongly connected component of each node.
    public private(set) var component: [Int32] = []
    /// Whether each component holds a cycle (more than one node, or a self-edge).
    public private(set) var componentIsCyclic: [Bool] = []

    /// Builds the graph and its components.
    public init(edgeStart: [Int32], edgeTarget: [Int32]) {
        self.edgeStart = edgeStart
        self.edgeTarget = edgeTarget
        computeComponents()
    }

    /// Number of nodes.
    public var nodeCount: Int { edgeStart.count - 1 }

    /// Out-edge range of a node.
    @inlinable public func edges(of node: Int) -> Range<Int> {
        Int(edgeStart[node])..<Int(edgeStart[node + 1])
    }

    /// Whether a node lies on a cycle.
    public func isOnCycle(_ node: Int) -> Bool { componentIsCyclic[Int(component[node])] }

    /// Tarjan's algorithm with an explicit stack.
    private mutating func computeComponents() {
        let nodeCount = edgeStart.count - 1
        let n = nodeCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var comp = [Int32](repeating: -1, count: n)
        var cyclic: [Bool] = []
        var stack: [Int32] = []
        var call: [(node: Int32, edge: Int32)] = []
        var counter: Int32 = 0
        for root in 0..<n where index[root] < 0 {
            call.append((Int32(root), edgeStart[root]))
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(Int32(root)); onStack[root] = true
            while let frame = call.last {
                let v = Int(frame.node)
                if frame.edge < edgeStart[v + 1] {
                    call[call.count - 1].edge += 1
                    let w = Int(edgeTarget[Int(frame.edge)])
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(Int32(w)); onStack[w] = true
                        call.append((Int32(w), edgeStart[w]))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                call.removeLast()
                if let parent = call.last {
                    low[Int(parent.node)] = min(low[Int(parent.node)], low[v])
                }
                if low[v] == index[v] {
                    let id = Int32(cyclic.count)
                    var size = 0
                    while let w = stack.popLast() {
                        onStack[Int(w)] = false
                        comp[Int(w)] = id
                        size += 1
                        if Int(w) == v { break }
                    }
                    var selfLoop = false
                    if size == 1 {
                        for e in edges(of: v) where Int(edgeTarget[e]) == v { selfLoop = true }
                    }
                    cyclic.append(size > 1 || selfLoop)
                }
            }
        }
        component = comp
        componentIsCyclic = cyclic
    }

    /// One shortest cycle through `node` as a list of edge indices, the first leaving `node`;
    /// among shortest cycles, the one whose first edge comes first in `requires`. Breadth-first,
    /// inside the node's component only.
    public func shortestCycle(through node: Int) -> [Int] {
        let comp = component[node]
        var parentEdge = [Int32: Int]()
        var queue: [Int] = []
        var head = 0
        for e in edges(of: node) {
            let w = Int(edgeTarget[e])
            if w == node { return [e] }
        }
        for e in edges(of: node) {
            let w = Int(edgeTarget[e])
            if component[w] == comp, parentEdge[Int32(w)] == nil {
                parentEdge[Int32(w)] = e
                queue.append(w)
            }
        }
        while head < queue.count {
            let v = queue[head]
            head += 1
            for e in edges(of: v) {
                let w = Int(edgeTarget[e])
                if w == node {
                    var path = [e]
                    var cursor = v
                    while cursor != node {
                        let pe = parentEdge[Int32(cursor)]!
                        path.append(pe)
                        cursor = source(ofEdge: pe)
                    }
                    return path.reversed()
                }
                if component[w] == comp, parentEdge[Int32(w)] == nil {
                    parentEdge[Int32(w)] = e
                    queue.append(w)
                }
            }
        }
        return []
    }

    /// The node an edge leaves (binary search over `edgeStart`).
    public func source(ofEdge edge: Int) -> Int {
        var lo = 0, hi = nodeCount
        while lo + 1 < hi {
            let mid = (lo + hi) / 2
            if Int(edgeStart[mid]) <= edge { lo = mid } else { hi = mid }
        }
        // The largest node whose edges start at or before `edge`: nodes without edges are passed.
        return lo
    }

}

extension Curriculum {
    /// Where an edge is written: the `requires` entry, or for a unit-to-lesson edge the lesson's id.
    public func location(ofEdge edge: Int, in graph: PrerequisiteGraph) -> Location {
        let source = graph.source(ofEdge: edge), entry = Int(graph.edgeEntry[edge])
        if entry >= 0 { return lessons[source].requires[entry].location }
        return lessons[Int(graph.edgeTarget[edge])].idLocation
    }

    /// An edge in words: `'a' requires 'b'`, `'a' requires unit 'u'`, `unit 'u' contains 'a'`.
    public func describe(edge: Int, in graph: PrerequisiteGraph) -> String {
        let source = graph.source(ofEdge: edge), target = Int(graph.edgeTarget[edge])
        let verb = graph.edgeEntry[edge] >= 0 ? "requires" : "contains"
        if source == target { return "\(describe(graph.item(source))) requires itself" }
        return "\(describe(graph.item(source))) \(verb) \(describe(graph.item(target)))"
    }

    /// Teaching position of the last lesson of a node (a unit's last; an empty unit sits just
    /// before its place).
    public func lastPosition(of node: Int, in graph: PrerequisiteGraph) -> Int {
        node < graph.lessonCount ? node : units[node - graph.lessonCount].lessons.upperBound - 1
    }

    /// Teaching position of the first lesson of a node.
    public func firstPosition(of node: Int, in graph: PrerequisiteGraph) -> Int {
        if node < graph.lessonCount { return node }
        let unit = units[node - graph.lessonCount]
        return unit.lessons.isEmpty ? unit.lessons.lowerBound - 1 : unit.lessons.lowerBound
    }
}
