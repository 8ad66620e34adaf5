/// Puts the files of each curriculum in teaching order and indexes its lessons and units.
public enum ModelBuilder {
    /// Groups file models by curriculum id and assembles each curriculum.
    public static func build(_ files: [FileModel]) -> Model {
        var groups: [String: [FileModel]] = [:]
        for file in files { groups[file.file.curriculumID, default: []].append(file) }
        let curricula = groups.keys.sorted().map { assemble(id: $0, files: groups[$0]!) }
        return Model(curricula: curricula)
    }

    /// Teaching order of files: grade, then `sequence`, then path.
    static func teachingOrder(_ a: CurriculumFile, _ b: CurriculumFile) -> Bool {
        let ga = a.grade?.rank ?? 100, gb = b.grade?.rank ?? 100
        if ga != gb { return ga < gb }
        if a.sequence != b.sequence { return a.sequence < b.sequence }
        // By the absolute path, so the order does not depend on the folder sequencelint runs in.
        return SourceDiscovery.absolutePath(a.path) < SourceDiscovery.absolutePath(b.path)
    }

    static func assemble(id: String, files: [FileModel]) -> Curriculum {
        let ordered = files.sorted { teachingOrder($0.file, $1.file) }
        var bases: [(unit: Int, lesson: Int)] = []
        var units = 0, lessons = 0
        for part in ordered {
            bases.append((units, lessons))
            units += part.units.count
            lessons += part.lessons.count
        }
        let unitBases = bases.map(\.unit), lessonBases = bases.map(\.lesson)
        // Copying the lessons and indexing the ids are independent: one core each.
        let (unitCount, lessonCount) = (units, lessons)
        let (copied, indexed) = inParallel({ () -> ([CurriculumFile], [Unit], [Lesson]) in
                var files: [CurriculumFile] = [], units: [Unit] = [], lessons: [Lesson] = []
                units.reserveCapacity(unitCount)
                lessons.reserveCapacity(lessonCount)
                for (fileIndex, part) in ordered.enumerated() {
                    let unitBase = unitBases[fileIndex], lessonBase = lessonBases[fileIndex]
                    var file = part.file
                    file.units = unitBase..<(unitBase + part.units.count)
                    files.append(file)
                    for var unit in part.units {
                        unit.file = fileIndex
                        unit.position += unitBase
                        unit.lessons = (unit.lessons.lowerBound + lessonBase)..<(unit.lessons.upperBound + lessonBase)
                        units.append(unit)
                    }
                    for var lesson in part.lessons {
                        lesson.unit += unitBase
                        lesson.position += lessonBase
                        lessons.append(lesson)
                    }
                }
                return (files, units, lessons)
        }, { () -> ([String: Item], [(later: Item, first: Item)]) in
                // Definitions in teaching order: each unit, then its lessons.
                var items: [String: Item] = [:]
                var duplicates: [(later: Item, first: Item)] = []
                items.reserveCapacity(unitCount + lessonCount)
                func define(_ item: Item, _ id: String) {
                    guard !id.isEmpty else { return }
                    if let first = items[id] {
                        duplicates.append((later: item, first: first))
                    } else {
                        items[id] = item
                    }
                }
                for (fileIndex, part) in ordered.enumerated() {
                    for (u, unit) in part.units.enumerated() {
                        define(.unit(unitBases[fileIndex] + u), unit.id)
                        for l in unit.lessons { define(.lesson(lessonBases[fileIndex] + l), part.lessons[l].id) }
                    }
                }
                return (items, duplicates)
        })
        return Curriculum(id: id, files: copied.0, units: copied.1, lessons: copied.2,
                          items: indexed.0, duplicates: indexed.1)
    }
}
