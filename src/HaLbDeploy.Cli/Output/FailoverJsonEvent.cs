namespace HaLbDeploy.Cli.Output;

/// <summary>A timeline event, at seconds from the fault.</summary>
public sealed record FailoverJsonEvent(double At, string? Node, string Text);
