namespace HaLbDeploy.Core.Verification;

/// <summary>A systemd unit as `systemctl is-enabled` and `systemctl is-active` describe it.</summary>
/// <param name="Name">keepalived or haproxy.</param>
/// <param name="Enabled">"enabled", "disabled", "masked", "static", "not-found" or "unknown".</param>
/// <param name="Active">"active", "inactive", "failed", "activating", "reloading" or "unknown".</param>
public sealed record ServiceStatus(string Name, string Enabled, string Active)
{
    public static ServiceStatus Unknown(string name) => new(name, "unknown", "unknown");

    /// <summary>Starts at boot.</summary>
    public bool IsEnabled => Enabled is "enabled" or "enabled-runtime";

    /// <summary>Running now; a haproxy reload in progress counts (the old worker keeps serving).</summary>
    public bool IsActive => Active is "active" or "reloading";

    public override string ToString() => $"{Enabled},{Active}";
}
