using System.Net;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Hosts;

namespace HaLbDeploy.Runtime.FailoverTest;

/// <summary>
/// The loops of one VIP address for one run: its sampler on every node and its prober on the control host. The main
/// address has one; so has each other address of the faulted sync group (the IPv6 half of a dual-stack pair).
/// </summary>
internal sealed class AddressObservation
{
    private readonly FailoverTestOptions _options;
    private readonly List<NodeSamplerLoop> _samplers;
    private readonly NodeSamplerLoop _faultedNode;
    private readonly VipProbeLoop _prober;

    public AddressObservation(IPAddress address, Inventory inventory, NodeSessions sessions, IVipProbe probe, string faultedNode, FailoverTestOptions options, TimeProvider time)
    {
        Address = address;
        _options = options;
        _samplers = inventory.Nodes.Select(n => new NodeSamplerLoop(n, sessions, address, options.SamplerRun, options.SampleInterval, time)).ToList();
        _faultedNode = _samplers.Single(l => l.NodeName == faultedNode);
        _prober = new VipProbeLoop(probe, options.ProbeInterval, time);
    }

    public IPAddress Address { get; }

    public IReadOnlyList<NodeSamplerLoop> Samplers => _samplers;

    public NodeSamplerLoop FaultedNode => _faultedNode;

    /// <summary>The probes, once <see cref="StopAsync"/> has returned.</summary>
    public IReadOnlyList<ProbeSample> Probes { get; private set; } = [];

    /// <param name="faultCutsTheNodeOff">The faulted node's sampler gets one run that ends before the fault.</param>
    public void Start(bool faultCutsTheNodeOff)
    {
        foreach (var sampler in _samplers)
        {
            if (sampler == _faultedNode && faultCutsTheNodeOff)
                sampler.StartWithOneRun(_options.MaxDuration, _options.Lead - TimeSpan.FromMilliseconds(300), Address, _options.SampleInterval);
            else sampler.Start(_options.MaxDuration);
        }
        _prober.Start(_options.MaxDuration);
    }

    /// <summary>Stops the prober, then every sampler (each may finish its run in flight); returns the probes.</summary>
    public async Task<IReadOnlyList<ProbeSample>> StopAsync()
    {
        Probes = await _prober.StopAsync();
        await Task.WhenAll(_samplers.Select(l => l.StopAsync(_options.SamplerRun + TimeSpan.FromSeconds(2))));
        return Probes;
    }
}
