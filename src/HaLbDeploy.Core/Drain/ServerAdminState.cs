namespace HaLbDeploy.Core.Drain;

/// <summary>The two states drain and undrain put an API server in, in haproxy's runtime API (`set server B/S state WORD`).</summary>
public enum ServerAdminState
{
    /// <summary>"drain": no new connections (weight 0), open sessions go on, health checks go on.</summary>
    Drain,

    /// <summary>"ready": back in rotation (undrain).</summary>
    Ready,
}
