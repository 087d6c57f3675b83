namespace HaLbDeploy.Core.Rendering;

/// <summary>The <see cref="NodePaths"/> a template refers to, so a template never repeats a path.</summary>
internal sealed record PathsView(
    string CheckScript,
    string HaproxyAdminSocket,
    string NotifyScript,
    string StateDirectory,
    string TransitionLog,
    string MetricsFile,
    int TransitionLogLines,
    string HaproxyDownFile,
    string HaproxyTrackDropIn);
