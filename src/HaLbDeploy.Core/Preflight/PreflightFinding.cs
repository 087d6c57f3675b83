namespace HaLbDeploy.Core.Preflight;

/// <summary>A preflight check's verdict on one node; errors stop the run before anything changes.</summary>
public sealed record PreflightFinding(bool IsError, string Node, string Check, string Message);
