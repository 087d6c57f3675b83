namespace HaLbDeploy.Core.Model;

/// <summary>A frontend's own haproxy timeouts; each null one is the top-level `timeouts:` value (haproxy's defaults section).</summary>
public sealed record FrontendTimeouts(Duration? Connect, Duration? Client, Duration? Server)
{
    public static readonly FrontendTimeouts Inherited = new(null, null, null);
}
