using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Local;
using HaLbDeploy.Runtime.Verify;
using HaLbDeploy.Ssh;

namespace HaLbDeploy.Cli.Commands;

/// <summary>
/// Where verify and failover-test probe the VIP from: here, or (`--probe-from HOST`) a host reached over SSH, whose
/// forward opens each probe's TCP connection to the VIP. The probe timing and bounds are the same either way.
/// </summary>
internal sealed class VipProbeSource : IDisposable
{
    private readonly Inventory inventory;
    private readonly IReadOnlyDictionary<int, SshBastionTunnel> forwards;
    private readonly string? from;

    private VipProbeSource(Inventory inventory, IReadOnlyDictionary<int, SshBastionTunnel> forwards, string? from)
    {
        this.inventory = inventory;
        this.forwards = forwards;
        this.from = from;
    }

    /// <summary>
    /// `--probe-from`, else the inventory's `probe_from`, else here. Null with a message on stderr and the exit code
    /// when it names no host (2) or the host cannot be reached (1). Through a host, one forward per frontend port.
    /// </summary>
    public static async Task<(VipProbeSource? Source, int ExitCode)> OpenAsync(Inventory inventory, SshHostConnector connector, string? probeFrom, TextWriter error, CancellationToken ct)
    {
        probeFrom ??= inventory.ProbeFrom;
        if (probeFrom is null) return (new VipProbeSource(inventory, new Dictionary<int, SshBastionTunnel>(), null), ExitCodes.Ok);
        var (host, problem) = ProbeOrigin.Resolve(inventory, probeFrom);
        if (host is null)
        {
            error.WriteLine($"error: {problem}");
            return (null, ExitCodes.UsageError);
        }
        var forwards = new Dictionary<int, SshBastionTunnel>();
        try
        {
            foreach (var port in inventory.FrontendPorts.Distinct())
                forwards[port] = await connector.ForwardAsync(host, inventory.Vip.Address.ToString(), port, ct);
            return (new VipProbeSource(inventory, forwards, probeFrom), ExitCodes.Ok);
        }
        catch (HostConnectionException e)
        {
            foreach (var forward in forwards.Values) forward.Dispose();
            error.WriteLine($"error: --probe-from {probeFrom}: {e.Message}");
            return (null, ExitCodes.Failed);
        }
    }

    /// <summary>The main probe: a TLS GET of the first frontend's check path through the VIP (the API).</summary>
    public IVipProbe Probe(TimeSpan timeout) => Probe(inventory.Frontends[0], timeout);

    /// <summary>Each frontend after the first, probed through the VIP: a TLS GET where its check is https, else a TCP connect.</summary>
    public IReadOnlyList<FrontendProber> OtherFrontends(TimeSpan timeout) => inventory.Frontends.Skip(1)
        .Select(f => new FrontendProber(f.Name, f.Port, f.HealthCheck.Kind != HealthCheckKind.Https, Probe(f, timeout)))
        .ToList();

    private IVipProbe Probe(Frontend frontend, TimeSpan timeout)
    {
        var connectTo = forwards.TryGetValue(frontend.Port, out var forward) ? new IPEndPoint(IPAddress.Loopback, forward.LocalPort) : null;
        return frontend.HealthCheck.Kind == HealthCheckKind.Https
            ? new TlsVipProbe(inventory.Vip.Address, frontend.Port, frontend.HealthCheck.Path, timeout, connectTo, from)
            : new TcpVipProbe(inventory.Vip.Address, frontend.Port, timeout, connectTo, from);
    }

    /// <summary>
    /// Probes of every other VIP address of a `vips:` list, from here. With --probe-from (SSH forwards to the first
    /// VIP) there are none: the other VIPs are then judged by their holders only.
    /// </summary>
    public IReadOnlyList<(string Address, IVipProbe Probe)> OtherVipProbes(TimeSpan timeout) => forwards.Count > 0 ? [] :
        inventory.VipList is null ? [] :
        inventory.AllVipAddresses.Select(a => a.Address).Where(a => !a.Equals(inventory.Vip.Address))
            .Select(a => (a.ToString(), (IVipProbe)new TlsVipProbe(a, inventory.Frontends[0].Port, inventory.Frontends[0].HealthCheck.Path, timeout))).ToList();

    /// <summary>
    /// The quick probes of the other addresses of a sync group (as <see cref="Probe(TimeSpan)"/>, through each address),
    /// from here; with --probe-from (SSH forwards to the first VIP only) none: those addresses are then not measured.
    /// </summary>
    public IReadOnlyList<(IPAddress Address, IVipProbe Probe)> SyncGroupProbes(IReadOnlyList<IPAddress> addresses, TimeSpan timeout) => forwards.Count > 0 ? [] :
        addresses.Select(a => (a, (IVipProbe)new TlsVipProbe(a, inventory.Frontends[0].Port, inventory.Frontends[0].HealthCheck.Path, timeout))).ToList();

    public void Dispose()
    {
        foreach (var forward in forwards.Values) forward.Dispose();
    }
}
