namespace HaLbDeploy.Cli.Output;

/// <summary>One API server across all nodes; status_by_node holds haproxy's word per node (null: unknown).</summary>
public sealed record VerifyJsonBackend(string Name, string Address, bool UpSomewhere, IReadOnlyDictionary<string, string?> StatusByNode);
