namespace HaLbDeploy.Core.Rendering;

/// <summary>haproxy timeouts in haproxy's notation, e.g. 5s, 15m.</summary>
internal sealed record TimeoutsView(string Connect, string Client, string Server);
