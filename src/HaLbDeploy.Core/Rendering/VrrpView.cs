using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Rendering;

/// <summary>
/// keepalived settings shared by all nodes. <see cref="AuthPass"/> is the revealed secret (empty without
/// authentication), so <see cref="ToString"/> masks it.
/// </summary>
/// <param name="Fast">The fast profile: VRRP version 3 with <see cref="AdvertInt"/> in centisecond steps.</param>
/// <param name="PreemptDelay">keepalived's preempt_delay in seconds, 0 for none (<see cref="Model.PreemptDelay"/>).</param>
/// <param name="CustomMulticastGroup">Multicast mode with a group other than keepalived's default 224.0.0.18.</param>
internal sealed record VrrpView(
    string Instance,
    int VirtualRouterId,
    string AdvertInt,
    bool Unicast,
    string MulticastGroup,
    bool CustomMulticastGroup,
    bool Preempt,
    bool Strict,
    bool Accept,
    bool Authenticate,
    string AuthPass,
    int TrackWeight,
    int TrackInterval,
    int TrackFall,
    int TrackRise,
    int GarpRefresh,
    bool Fast = false,
    int PreemptDelay = 0)
{
    public override string ToString() => $"VrrpView {{ Instance = {Instance}, Authenticate = {Authenticate}, AuthPass = {Secret.Mask} }}";
}
