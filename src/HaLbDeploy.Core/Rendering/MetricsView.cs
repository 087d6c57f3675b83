namespace HaLbDeploy.Core.Rendering;

/// <summary>The metrics listener as the haproxy template sees it; <see cref="Enabled"/> false renders none.</summary>
/// <param name="Bind">The address haproxy binds: the node's own, or "*" for `bind: all`.</param>
internal sealed record MetricsView(bool Enabled, string Bind, int Port, string HaproxyPath, string VrrpPath, string LuaScript);
