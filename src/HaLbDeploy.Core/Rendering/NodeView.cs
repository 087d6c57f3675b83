namespace HaLbDeploy.Core.Rendering;

/// <summary>The node being rendered; <see cref="State"/> is keepalived's word, BACKUP or MASTER.</summary>
internal sealed record NodeView(string Name, string Address, int Priority, string Interface, string State);
