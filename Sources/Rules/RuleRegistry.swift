import SequenceLintKit

/// The rule catalog: one hand-written, alphabetical list.
public enum RuleRegistry {
    /// Every rule, by id.
    public static let all: [any Rule.Type] = [
        BalanceRule.self,
        DuplicateIDRule.self,
        DuplicateKeyRule.self,
        EmptyUnitRule.self,
        PrerequisiteCycleRule.self,
        PrerequisiteOrderRule.self,
        ProcedureBeforeConceptRule.self,
        RedundantPrerequisiteRule.self,
        SchemaRule.self,
        UnknownReferenceRule.self,
        UntaggedLessonRule.self,
        YAMLSyntaxRule.self,
    ]
}
