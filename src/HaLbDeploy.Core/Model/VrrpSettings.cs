using System.Net;

namespace HaLbDeploy.Core.Model;

/// <summary>keepalived behaviour shared by all nodes.</summary>
/// <param name="AuthSecret">VRRP PASS authentication; null renders no authentication block.</param>
/// <param name="TrackWeight">0 puts a node whose haproxy died into FAULT; a negative weight lowers its priority.</param>
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
    int TrackRise);
