using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Runtime.Tests.FailoverTest;

/// <summary>A node of a <see cref="SimulatedTier"/>: answers the status, clock, haproxy tracking and sampler scripts, stops or starts keepalived, and notes kill-haproxy's preparation and restore.</summary>
public sealed partial class SimulatedSession(string node, SimulatedTier tier) : IHostSession
{
    public string NodeName => node;

    public async Task<ScriptResult> ReadAsync(string description, string script, CancellationToken cancellationToken)
    {
        switch (description)
        {
            case NodeStatusScript.Description:
                return Ok(Status(DateTimeOffset.UtcNow));
            case "read clock":
                return Ok(Nanoseconds(DateTimeOffset.UtcNow) + "\n");
            case FaultScripts.ReadHaproxyTrackingDescription:
                return Ok($"{FaultScripts.TrackFileMarker} {(tier.TrackFile ? "yes" : "no")}\n");
            case VipSamplerScript.Description:
                var duration = TimeSpan.FromTicks(long.Parse(DurationNs().Match(script).Groups[1].Value, CultureInfo.InvariantCulture) / 100);
                var started = DateTimeOffset.UtcNow;
                await Task.Delay(duration, cancellationToken);
                var output = new StringBuilder($"@@halb sampler 1 {Nanoseconds(started)}\nkeepalived-started -\n");
                for (var t = started; t < started + duration; t += TimeSpan.FromMilliseconds(50))
                    output.Append(CultureInfo.InvariantCulture, $"s {Nanoseconds(t)} {(tier.Holds(node, t) ? 1 : 0)}\n");
                return Ok(output.Append("@@halb end\n").ToString());
            default:
                throw new InvalidOperationException($"unexpected read '{description}'");
        }
    }

    public Task<ScriptResult> ChangeAsync(string description, string script, CancellationToken cancellationToken)
    {
        if (script.Contains(FaultScripts.StopKeepalived, StringComparison.Ordinal)) tier.StopKeepalived(node);
        else if (script.Contains(FaultScripts.StartKeepalived, StringComparison.Ordinal)) tier.StartKeepalived(node);
        else if (script == FaultScripts.PrepareKillHaproxy) tier.Record($"prepare kill-haproxy {node}");
        else if (script == FaultScripts.RestoreHaproxy) tier.Record($"restore haproxy {node}");
        else throw new InvalidOperationException($"unexpected change '{description}'");
        return Task.FromResult(Ok(""));
    }

    public Task<RunLockAttempt> TryTakeRunLockAsync(RunLockOwner owner, CancellationToken cancellationToken) =>
        tier.RunLockOf(node).TryTakeAsync(owner, cancellationToken);

    public Task<RunLockAttempt> TryTakeRunLockAndReadAsync(RunLockOwner owner, string readDescription, string readScript, CancellationToken cancellationToken) =>
        throw new NotSupportedException("only apply reads with its lock");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string Status(DateTimeOffset at)
    {
        var keepalived = tier.KeepalivedActive(node) ? "active" : "inactive";
        var vip = tier.Holds(node, at) ? $"addr 2: eth0    inet {tier.Vip}/24 scope global secondary eth0\n" : "";
        return $"@@halb verify 1\nunit keepalived enabled {keepalived}\nunit haproxy enabled active\n" +
               "link 2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500\n" + vip + "track pass\nstats-client perl\n" +
               "@@halb stats\n# pxname,svname,status\nkube-apiserver,m1,UP\nkube-apiserver,m2,UP\n@@halb stats-end\n@@halb end\n";
    }

    private static string Nanoseconds(DateTimeOffset at) => ((at - DateTimeOffset.UnixEpoch).Ticks * 100).ToString(CultureInfo.InvariantCulture);

    private static ScriptResult Ok(string output) => new(0, output, "");

    [GeneratedRegex(@"halb_end=\$\(\(halb_now \+ (\d+)\)\)")]
    private static partial Regex DurationNs();
}
