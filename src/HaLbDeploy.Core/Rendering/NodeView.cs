namespace HaLbDeploy.Core.Rendering;

/// <summary>The node being rendered; <see cref="State"/> is keepalived's word, BACKUP or MASTER.</summary>
/// <param name="TrackProcess">keepalived tracks haproxy's processes besides the script (fast profile, see <see cref="HaproxyTracking"/>).</param>
/// <param name="TrackFile">keepalived tracks the file systemd writes when haproxy stops and starts (fast profile, see <see cref="HaproxyTracking"/>).</param>
internal sealed record NodeView(string Name, string Address, int Priority, string Interface, string State, bool TrackProcess = false, bool TrackFile = false);
