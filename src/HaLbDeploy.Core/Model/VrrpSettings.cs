using System.Net;

namespace HaLbDeploy.Core.Model;

/// <summary>keepalived behaviour shared by all nodes.</summary>
/// <param name="AuthSecret">VRRP PASS authentication; null renders no authentication block.</param>
/// <param name="TrackWeight">0 puts a node whose haproxy died into FAULT; a negative weight lowers its priority.</param>
/// <param name="GarpRefreshSeconds">How often the VIP holder re-announces the VIP with gratuitous ARP; 0 only on becoming MASTER.</param>
/// <param name="Profile">The failover profile as the inventory resolved it: fast when asked for or when advert_int is below a second.</param>
/// <param name="PreemptDelaySeconds">keepalived's preempt_delay as the inventory wrote it; null: the profile's own (<see cref="PreemptDelay"/>).</param>
public sealed record VrrpSettings(
    VrrpMode Mode,
    IPAddress MulticastGroup,
    Secret? AuthSecret,
    bool Preempt,
    bool Strict,
    bool Accept,
    int TrackWeight,
    int TrackIntervalSeconds,
    int TrackFall,
    int TrackRise,
    int GarpRefreshSeconds,
    VrrpProfile Profile = VrrpProfile.Default,
    int? PreemptDelaySeconds = null);
