namespace HaLbDeploy.Cli.Output;

/// <summary>A node holding the VIP (or nodes holding it at once) from..to, in seconds from the fault.</summary>
public sealed record FailoverJsonSpan(string Node, double From, double To);
