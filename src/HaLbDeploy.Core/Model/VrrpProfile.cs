namespace HaLbDeploy.Core.Model;

/// <summary>
/// How fast keepalived moves the VIP. <see cref="Default"/> renders VRRP as keepalived's defaults do (version 2,
/// whole-second adverts, the track script every second). <see cref="Fast"/> (`vrrp.profile: fast`, or a
/// sub-second `advert_int`) renders VRRP version 3, whose adverts come in centisecond steps, and tracks haproxy
/// with keepalived's process tracking where the node's keepalived can (see <see cref="Rendering.HaproxyTracking"/>).
/// </summary>
public enum VrrpProfile
{
    Default,
    Fast,
}
