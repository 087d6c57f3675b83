namespace HaLbDeploy.Cli.Output;

/// <summary>A unit's is-enabled and is-active words.</summary>
public sealed record VerifyJsonUnit(string Enabled, string Active);
