import SequenceLintKit

/// The rule catalog: one hand-written, alphabetical list.
public enum RuleRegistry {
    /// Every rule, alphabetical by id.
    public static let all: [any Rule.Type] = [
        AboveGradeAssessmentRule.self,
        AboveGradeStandardRule.self,
        AssessmentBeforeInstructionRule.self,
        BalanceRule.self,
        BuildsOnUntaughtRule.self,
        CoarseAlignmentRule.self,
        DuplicateIDRule.self,
        DuplicateKeyRule.self,
        EarlyPassRule.self,
        EmptyUnitRule.self,
        IsolatedSupportingWorkRule.self,
        MajorWorkRule.self,
        MilestoneRule.self,
        OffGradeLessonRule.self,
        PracticeCoverageRule.self,
        PrerequisiteCycleRule.self,
        PrerequisiteOrderRule.self,
        ProcedureBeforeConceptRule.self,
        ProgressionGapRule.self,
        RedundantPrerequisiteRule.self,
        RequiredPracticeRule.self,
        RigorBalanceRule.self,
        SchemaRule.self,
        SchoolYearLengthRule.self,
        StalePrerequisiteRule.self,
        UnassessedStandardRule.self,
        UncoveredStandardRule.self,
        UnknownReferenceRule.self,
        UnknownStandardRule.self,
        UntaggedLessonRule.self,
        UnusedSuppressionRule.self,
        YAMLSyntaxRule.self,
    ]
}
