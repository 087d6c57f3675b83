namespace HaLbDeploy.Core.Model;

/// <summary>haproxy timeouts; client and server must outlast idle `kubectl logs -f` and `exec` streams.</summary>
public sealed record HaproxyTimeouts(Duration Connect, Duration Client, Duration Server);
