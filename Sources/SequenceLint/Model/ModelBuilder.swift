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
        var curriculum = Curriculum(id: id, files: [], units: [], lessons: [], items: [:], duplicates: [])
        curriculum.lessons.reserveCapacity(ordered.reduce(0) { $0 + $1.lessons.count })
        for (fileIndex, part) in ordered.enumerated() {
            let unitBase = curriculum.units.count, lessonBase = curriculum.lessons.count
            var file = part.file
            file.units = unitBase..<(unitBase + part.units.count)
            curriculum.files.append(file)
            for var unit in part.units {
                unit.file = fileIndex
                unit.position += unitBase
                unit.lessons = (unit.lessons.lowerBound + lessonBase)..<(unit.lessons.upperBound + lessonBase)
                curriculum.units.append(unit)
            }
            for var lesson in part.lessons {
                lesson.unit += unitBase
                lesson.position += lessonBase
                curriculum.lessons.append(lesson)
            }
        }
        // Definitions in teaching order: each unit, then its lessons.
        curriculum.items.reserveCapacity(curriculum.lessons.count + curriculum.units.count)
        for (u, unit) in curriculum.units.enumerated() {
            define(.unit(u), id: unit.id, in: &curriculum)
            for l in unit.lessons { define(.lesson(l), id: curriculum.lessons[l].id, in: &curriculum) }
        }
        return curriculum
    }

    private static func define(_ item: Item, id: String, in curriculum: inout Curriculum) {
        guard !id.isEmpty else { return }
        if let first = curriculum.items[id] {
            curriculum.duplicates.append((later: item, first: first))
        } else {
            curriculum.items[id] = item
        }
    }
}
