namespace HaLbDeploy.Cli.Output;

/// <summary>One server line of a node's haproxy stats.</summary>
public sealed record VerifyJsonServer(string Name, string Address, string Status, bool Up, string CheckStatus, int? CheckCode);
