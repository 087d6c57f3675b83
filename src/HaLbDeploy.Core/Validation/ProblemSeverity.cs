namespace HaLbDeploy.Core.Validation;

public enum ProblemSeverity
{
    Warning,
    Error,
}
