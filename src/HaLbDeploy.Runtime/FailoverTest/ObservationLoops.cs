using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Hosts;

namespace HaLbDeploy.Runtime.FailoverTest;

/// <summary>
/// A VIP sampler on every node and the prober on the control host, for one run, and what they recorded so far on
/// the control host's clock. Nothing runs until <see cref="Start"/>; every loop stops by itself after the run's
/// <see cref="FailoverTestOptions.MaxDuration"/>.
/// </summary>
internal sealed class ObservationLoops
{
    private readonly Inventory _inventory;
    private readonly FailoverScenario _scenario;
    private readonly FailoverTestOptions _options;
    private readonly IReadOnlyList<NodeClock> _clocks;
    private readonly List<NodeSamplerLoop> _samplers;
    private readonly NodeSamplerLoop _faultedNode;
    private readonly VipProbeLoop _prober;

    public ObservationLoops(Inventory inventory, NodeSessions sessions, IVipProbe probe, FailoverScenario scenario, FailoverTestOptions options,
        IReadOnlyList<NodeClock> clocks, TimeProvider time)
    {
        _inventory = inventory;
        _scenario = scenario;
        _options = options;
        _clocks = clocks;
        _samplers = inventory.Nodes.Select(n => new NodeSamplerLoop(n, sessions, inventory.Vip.Address, options.SamplerRun, options.SampleInterval, time)).ToList();
        _faultedNode = _samplers.Single(l => l.NodeName == scenario.FaultedNode);
        _prober = new VipProbeLoop(probe, options.ProbeInterval, time);
    }

    /// <param name="faultCutsTheNodeOff">
    /// The faulted node's sampler output would go down with its connection: it gets one run that ends before the
    /// fault, then waits for <see cref="ResumeFaultedNode"/>.
    /// </param>
    public void Start(bool faultCutsTheNodeOff)
    {
        foreach (var sampler in _samplers)
        {
            if (sampler == _faultedNode && faultCutsTheNodeOff)
                sampler.StartWithOneRun(_options.MaxDuration, _options.Lead - TimeSpan.FromMilliseconds(300), _inventory.Vip.Address, _options.SampleInterval);
            else sampler.Start(_options.MaxDuration);
        }
        _prober.Start(_options.MaxDuration);
    }

    /// <summary>After a restore that brought a cut-off node back: sample it again on a new connection.</summary>
    public void ResumeFaultedNode() => _faultedNode.ResumeOnNewConnection();

    /// <summary>Stops the prober, then every sampler (each may finish its run in flight); returns the probes.</summary>
    public async Task<IReadOnlyList<ProbeSample>> StopAsync()
    {
        var probes = await _prober.StopAsync();
        await Task.WhenAll(_samplers.Select(l => l.StopAsync(_options.SamplerRun + TimeSpan.FromSeconds(2))));
        return probes;
    }

    /// <summary>One line for each node whose sampler runs failed.</summary>
    public IEnumerable<string> SamplerErrors() =>
        _samplers.Where(l => l.Errors.Count > 0).Select(l => $"{l.NodeName}: {l.Errors.Count} sampler run(s) failed, first: {l.Errors[0]}");

    /// <summary>Who held the VIP when, from the samples so far.</summary>
    public HolderTimeline Timeline(FaultActionRecord fault) => FailoverAnalyzer.Timeline(_scenario, Samples(fault));

    /// <summary>All samples on the control host's clock; a powered-off node holds nothing from the moment its power is cut.</summary>
    public List<HolderSample> Samples(FaultActionRecord fault)
    {
        var samples = new List<HolderSample>();
        foreach (var sampler in _samplers)
        {
            var clock = ClockOf(sampler.NodeName);
            foreach (var (_, output) in sampler.Outputs)
                samples.AddRange(output.Samples.Select(s => new HolderSample(sampler.NodeName, clock.ToControlTime(s.EpochNanoseconds), s.HoldsVip)));
        }
        if (_scenario.Mode == FailoverMode.PowerOff && fault.Succeeded) samples.Add(new HolderSample(_scenario.FaultedNode, fault.CompletedAt, false, Inferred: true));
        return samples;
    }

    /// <summary>The first time at or after <paramref name="after"/> that keepalived on the faulted node started, as its sampler saw it.</summary>
    public DateTimeOffset? KeepalivedStartedAfter(DateTimeOffset after)
    {
        var clock = ClockOf(_faultedNode.NodeName);
        return _faultedNode.Outputs.Where(o => o.Output.KeepalivedStartedEpochMilliseconds is not null)
            .Select(o => clock.ToControlTimeFromMilliseconds(o.Output.KeepalivedStartedEpochMilliseconds!.Value))
            .Where(t => t >= after)
            .Order()
            .Cast<DateTimeOffset?>()
            .FirstOrDefault();
    }

    private NodeClock ClockOf(string node) => _clocks.First(c => c.Node == node);
}
