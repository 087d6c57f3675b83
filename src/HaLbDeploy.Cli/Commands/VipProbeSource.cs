using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Local;
using HaLbDeploy.Runtime.Verify;
using HaLbDeploy.Ssh;

namespace HaLbDeploy.Cli.Commands;

/// <summary>
/// Where verify and failover-test probe the VIP from: here, or (`--probe-from HOST`) a host reached over SSH, whose
/// forward opens each probe's TCP connection to the VIP. The probe timing and bounds are the same either way. A frontend
/// bound to a VIP (`vip:`) is probed through that VIP's address only, never through another VIP where nothing listens.
/// </summary>
internal sealed class VipProbeSource : IDisposable
{
    private readonly Inventory inventory;
    private readonly IReadOnlyDictionary<(string Address, int Port), SshBastionTunnel> forwards;
    private readonly string? from;

    private VipProbeSource(Inventory inventory, IReadOnlyDictionary<(string Address, int Port), SshBastionTunnel> forwards, string? from)
    {
        this.inventory = inventory;
        this.forwards = forwards;
        this.from = from;
    }

    /// <summary>
    /// `--probe-from`, else the inventory's `probe_from`, else here. Null with a message on stderr and the exit code
    /// when it names no host (2) or the host cannot be reached (1). Through a host, one forward per frontend port and the VIP address it is probed through.
    /// </summary>
    public static async Task<(VipProbeSource? Source, int ExitCode)> OpenAsync(Inventory inventory, SshHostConnector connector, string? probeFrom, TextWriter error, CancellationToken ct)
    {
        probeFrom ??= inventory.ProbeFrom;
        if (probeFrom is null) return (new VipProbeSource(inventory, new Dictionary<(string, int), SshBastionTunnel>(), null), ExitCodes.Ok);
        var (host, problem) = ProbeOrigin.Resolve(inventory, probeFrom);
        if (host is null)
        {
            error.WriteLine($"error: {problem}");
            return (null, ExitCodes.UsageError);
        }
        var forwards = new Dictionary<(string, int), SshBastionTunnel>();
        try
        {
            foreach (var target in inventory.Frontends.Select(f => (inventory.ProbeAddressOf(f).ToString(), f.Port)).Distinct())
                forwards[target] = await connector.ForwardAsync(host, target.Item1, target.Port, ct);
            return (new VipProbeSource(inventory, forwards, probeFrom), ExitCodes.Ok);
        }
        catch (HostConnectionException e)
        {
            foreach (var forward in forwards.Values) forward.Dispose();
            error.WriteLine($"error: --probe-from {probeFrom}: {e.Message}");
            return (null, ExitCodes.Failed);
        }
    }

    /// <summary>The main probe, through the VIP (the API): a TLS GET of the check path of the first frontend that listens there.</summary>
    public IVipProbe Probe(TimeSpan timeout) => Probe(inventory.ProbedFrontend, inventory.Vip.Address, timeout);

    /// <summary>
    /// Each other frontend, probed through the VIP, or a frontend bound to another VIP through that VIP's address: a TLS GET
    /// where its check is https, else a TCP connect.
    /// </summary>
    public IReadOnlyList<FrontendProber> OtherFrontends(TimeSpan timeout) => inventory.Frontends.Where(f => f.Name != inventory.ProbedFrontend.Name)
        .Select(f => new FrontendProber(f.Name, f.Port, f.HealthCheck.Kind != HealthCheckKind.Https, Probe(f, inventory.ProbeAddressOf(f), timeout)))
        .ToList();

    private IVipProbe Probe(Frontend frontend, IPAddress address, TimeSpan timeout)
    {
        var connectTo = forwards.TryGetValue((address.ToString(), frontend.Port), out var forward) ? new IPEndPoint(IPAddress.Loopback, forward.LocalPort) : null;
        return frontend.HealthCheck.Kind == HealthCheckKind.Https
            ? new TlsVipProbe(address, frontend.Port, frontend.HealthCheck.Path, timeout, connectTo, from)
            : new TcpVipProbe(address, frontend.Port, timeout, connectTo, from);
    }

    /// <summary>
    /// Probes of every other VIP address of a `vips:` list, from here: a TLS GET of the first frontend with an https check
    /// that listens on the address. An address without one (say an ingress VIP whose frontends have tcp checks) has none:
    /// its frontends are probed by <see cref="OtherFrontends"/>. With --probe-from (SSH forwards to the frontends' own
    /// probe addresses) there are none either: the other VIPs are then judged by their holders only.
    /// </summary>
    public IReadOnlyList<(string Address, IVipProbe Probe)> OtherVipProbes(TimeSpan timeout) => forwards.Count > 0 ? [] :
        inventory.VipList is null ? [] :
        inventory.AllVipAddresses.Select(a => a.Address).Where(a => !a.Equals(inventory.Vip.Address))
            .Select(a => (Address: a, Frontend: inventory.Frontends.FirstOrDefault(f => f.HealthCheck.Kind == HealthCheckKind.Https && inventory.ListensOn(f, a))))
            .Where(p => p.Frontend is not null)
            .Select(p => (p.Address.ToString(), Probe(p.Frontend!, p.Address, timeout))).ToList();

    /// <summary>
    /// The quick probes of the other addresses of a sync group (as <see cref="Probe(TimeSpan)"/>, through each address),
    /// from here; with --probe-from (SSH forwards to the first VIP only) none: those addresses are then not measured.
    /// </summary>
    public IReadOnlyList<(IPAddress Address, IVipProbe Probe)> SyncGroupProbes(IReadOnlyList<IPAddress> addresses, TimeSpan timeout) => forwards.Count > 0 ? [] :
        addresses.Select(a => (a, (IVipProbe)new TlsVipProbe(a, inventory.ProbedFrontend.Port, inventory.ProbedFrontend.HealthCheck.Path, timeout))).ToList();

    public void Dispose()
    {
        foreach (var forward in forwards.Values) forward.Dispose();
    }
}
