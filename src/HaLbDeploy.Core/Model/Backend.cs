namespace HaLbDeploy.Core.Model;

/// <summary>A Kubernetes API server behind haproxy.</summary>
public sealed record Backend(string Name, string Address, int Port);
