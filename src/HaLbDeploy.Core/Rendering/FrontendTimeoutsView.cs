namespace HaLbDeploy.Core.Rendering;

/// <summary>A frontend's own timeouts in haproxy's notation; empty where the defaults section's apply.</summary>
internal sealed record FrontendTimeoutsView(string Connect, string Client, string Server);
