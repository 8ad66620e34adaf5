/// What `sequencelint init` writes: a commented configuration and a one-unit curriculum map that
/// lints with no errors or warnings against the built-in CCSS-M framework.
package enum StarterFiles {
    /// The configuration's file name.
    package static let configurationName = ".sequencelint.yml"
    /// The curriculum map's file name.
    package static let curriculumName = "curriculum.yml"

    /// The files, in the order they are written: (name, text).
    package static var all: [(name: String, text: String)] {
        [(configurationName, configuration), (curriculumName, curriculum)]
    }

    /// A starter `.sequencelint.yml`.
    package static let configuration = """
        # sequencelint configuration, found by `sequencelint` run in this folder or below it.
        # Every key is optional; docs/configuration.md describes them all, and
        # `sequencelint --print-config` prints the settings in force, defaults included.

        # Standards frameworks to load for every curriculum: `builtin:ccss-math` is the Common Core
        # State Standards for Mathematics, built into sequencelint. Add your own frameworks (YAML,
        # or a CASE package in JSON) by path, relative to this file.
        frameworks: [builtin:ccss-math]

        # Files to leave out when a folder is linted: globs, relative to this file.
        # exclude: ["drafts/**"]

        # Standards every curriculum may take as already known (prior knowledge).
        # assumes: [3.NBT.A.2]

        # Each rule's severity (off, info, warning or error) or a mapping of its severity and
        # options. `sequencelint rules` lists the rules, `sequencelint explain RULE` explains one.
        rules:
          # The starter map is one unit: most of grade 4 is not taught yet, and the share of major
          # work says nothing until the whole year is mapped. Report both as infos (which never
          # fail a run) for now, and delete these two lines once the year is complete.
          uncovered-standard: info
          major-work: info
          # A severity and options: the share of conceptual lessons among conceptual and
          # procedural ones, judged in units and grades with at least `min-lessons` of them.
          balance: {severity: warning, min-conceptual: 0.25, max-conceptual: 0.75, min-lessons: 4}
          # A rule that is off by default: every unit needs a lesson tagged with one of these practices.
          # required-practice: {severity: warning, practices: [identity]}
          # Standards taught but never assessed afterwards.
          # unassessed-standard: info
          # A rule you do not want at all.
          # untagged-lesson: off

        # Standards that must be taught by the end of a grade (rule `milestone`).
        # milestones:
        #   - name: Place value to a million
        #     by-grade: 4
        #     standards: ["4.NBT.A.*"]

        """

    /// A starter one-unit grade-4 curriculum map.
    package static let curriculum = """
        # A curriculum map: the units of a grade and their lessons, in the order they are taught.
        # docs/format.md describes every key. Lint it with `sequencelint` in this folder.

        curriculum: my-school-math          # the curriculum's id: files with the same id form one sequence
        title: My School Mathematics, Grade 4
        framework: ccss-math                # where the standard codes come from (built into sequencelint)
        grade: 4                            # the grade of every lesson in this file: PK, K or 1 to 12
        # assumes: [3.NBT.A.2]              # standards learners know before this file starts

        units:                              # in teaching order
          - id: g4-place-value              # unit and lesson ids are unique in the curriculum
            title: Place value to a million
            builds-on: [2.NBT.A.1]          # prior knowledge the whole unit uses (here from grade 2)
            builds-towards: [4.NBT.B.4]     # what the unit prepares without teaching it
            lessons:                        # in teaching order
              - id: g4-place-value-01
                title: "Ten times as much: a digit's value from place to place"
                kind: conceptual            # conceptual, procedural, application, assessment or review
                standards: [4.NBT.A.1]      # the standards the lesson teaches
                minutes: 60                 # planned time (optional)
                practices: [identity, discourse]   # free tags (rules `required-practice` and `practice-coverage` read them)
              - id: g4-place-value-02
                title: Reading and writing numbers to 1,000,000
                kind: conceptual
                standards: [4.NBT.A.2]
                requires: [g4-place-value-01]   # lessons (or units) that must be taught before this one
                minutes: 60
                practices: [reasoning, structure]
              - id: g4-place-value-03
                title: Comparing multi-digit numbers with >, = and <
                kind: procedural
                standards: [4.NBT.A.2]
                requires: [g4-place-value-02]
                minutes: 45
                practices: [precision]
              - id: g4-place-value-04
                title: Rounding populations and distances
                kind: application
                standards: [4.NBT.A.3]
                builds-on: [3.NBT.A.1]      # prior knowledge this lesson uses: rounding to 10 or 100
                requires: [g4-place-value-02]
                minutes: 60
                practices: [modeling]
              - id: g4-place-value-05
                title: Place value check-in
                kind: assessment            # its standards are the ones it assesses
                standards: [4.NBT.A.1, 4.NBT.A.2, 4.NBT.A.3]
                requires: [g4-place-value-03, g4-place-value-04]
                minutes: 30

        """
}
