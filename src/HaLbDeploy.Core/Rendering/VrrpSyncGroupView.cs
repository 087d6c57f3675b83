namespace HaLbDeploy.Core.Rendering;

/// <summary>A vrrp_sync_group: the instances of a dual-stack VIP pair, which keepalived moves together.</summary>
internal sealed record VrrpSyncGroupView(string Name, IReadOnlyList<string> Instances);
