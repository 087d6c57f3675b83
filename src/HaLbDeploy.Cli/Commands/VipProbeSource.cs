using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Local;
using HaLbDeploy.Ssh;

namespace HaLbDeploy.Cli.Commands;

/// <summary>
/// Where verify and failover-test probe the VIP from: here, or (`--probe-from HOST`) a host reached over SSH, whose
/// forward opens each probe's TCP connection to the VIP. The probe timing and bounds are the same either way.
/// </summary>
internal sealed class VipProbeSource : IDisposable
{
    private readonly Inventory inventory;
    private readonly SshBastionTunnel? forward;
    private readonly string? from;

    private VipProbeSource(Inventory inventory, SshBastionTunnel? forward, string? from)
    {
        this.inventory = inventory;
        this.forward = forward;
        this.from = from;
    }

    /// <summary>
    /// `--probe-from`, else the inventory's `probe_from`, else here. Null with a message on stderr and the exit code
    /// when it names no host (2) or the host cannot be reached (1).
    /// </summary>
    public static async Task<(VipProbeSource? Source, int ExitCode)> OpenAsync(Inventory inventory, SshHostConnector connector, string? probeFrom, TextWriter error, CancellationToken ct)
    {
        probeFrom ??= inventory.ProbeFrom;
        if (probeFrom is null) return (new VipProbeSource(inventory, null, null), ExitCodes.Ok);
        var (host, problem) = ProbeOrigin.Resolve(inventory, probeFrom);
        if (host is null)
        {
            error.WriteLine($"error: {problem}");
            return (null, ExitCodes.UsageError);
        }
        try
        {
            var forward = await connector.ForwardAsync(host, inventory.Vip.Address.ToString(), inventory.FrontendPort, ct);
            return (new VipProbeSource(inventory, forward, probeFrom), ExitCodes.Ok);
        }
        catch (HostConnectionException e)
        {
            error.WriteLine($"error: --probe-from {probeFrom}: {e.Message}");
            return (null, ExitCodes.Failed);
        }
    }

    public IVipProbe Probe(TimeSpan timeout) => new TlsVipProbe(inventory.Vip.Address, inventory.FrontendPort, inventory.HealthCheck.Path, timeout,
        forward is null ? null : new IPEndPoint(IPAddress.Loopback, forward.LocalPort), from);

    /// <summary>
    /// Probes of every other VIP address of a `vips:` list, from here. With --probe-from (one SSH forward, to the first
    /// VIP) there are none: the other VIPs are then judged by their holders only.
    /// </summary>
    public IReadOnlyList<(string Address, IVipProbe Probe)> OtherVipProbes(TimeSpan timeout) => forward is not null ? [] :
        inventory.VipList is null ? [] :
        inventory.AllVipAddresses.Select(a => a.Address).Where(a => !a.Equals(inventory.Vip.Address))
            .Select(a => (a.ToString(), (IVipProbe)new TlsVipProbe(a, inventory.FrontendPort, inventory.HealthCheck.Path, timeout))).ToList();

    public void Dispose() => forward?.Dispose();
}
