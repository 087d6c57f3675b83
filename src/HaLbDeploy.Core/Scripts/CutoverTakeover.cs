using System.Net;

namespace HaLbDeploy.Core.Scripts;

/// <summary>The node that takes the VIP at once in an identity cutover, and where it will show the (new) VIP.</summary>
public sealed record CutoverTakeover(IPAddress Vip, string Interface);
