using System.Net;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Hosts;

namespace HaLbDeploy.Runtime.FailoverTest;

/// <summary>
/// A VIP sampler on every node and the prober on the control host, for one run and each address of the faulted sync
/// group (<see cref="AddressObservation"/>), and what they recorded so far on
/// the control host's clock. Nothing runs until <see cref="Start"/>; every loop stops by itself after the run's
/// <see cref="FailoverTestOptions.MaxDuration"/>.
/// </summary>
internal sealed class ObservationLoops
{
    private readonly FailoverScenario _scenario;
    private readonly IReadOnlyList<NodeClock> _clocks;
    private readonly AddressObservation _main;
    private readonly IReadOnlyList<AddressObservation> _others;

    /// <param name="otherAddresses">The other addresses of the faulted sync group with their probes, observed beside the main one.</param>
    public ObservationLoops(Inventory inventory, NodeSessions sessions, IVipProbe probe, FailoverScenario scenario, FailoverTestOptions options,
        IReadOnlyList<NodeClock> clocks, TimeProvider time, IReadOnlyList<(IPAddress Address, IVipProbe Probe)>? otherAddresses = null)
    {
        _scenario = scenario;
        _clocks = clocks;
        _main = new AddressObservation(inventory.Vip.Address, inventory, sessions, probe, scenario.FaultedNode, options, time);
        _others = (otherAddresses ?? []).Select(o => new AddressObservation(o.Address, inventory, sessions, o.Probe, scenario.FaultedNode, options, time)).ToList();
    }

    /// <summary>The other addresses of the sync group, in the inventory's order.</summary>
    public IReadOnlyList<IPAddress> OtherAddresses => _others.Select(o => o.Address).ToList();

    /// <param name="faultCutsTheNodeOff">
    /// The faulted node's sampler output would go down with its connection: it gets one run that ends before the
    /// fault, then waits for <see cref="ResumeFaultedNode"/>.
    /// </param>
    public void Start(bool faultCutsTheNodeOff)
    {
        foreach (var address in All) address.Start(faultCutsTheNodeOff);
    }

    /// <summary>After a restore that brought a cut-off node back: sample it again on a new connection.</summary>
    public void ResumeFaultedNode()
    {
        foreach (var address in All) address.FaultedNode.ResumeOnNewConnection();
    }

    /// <summary>Stops the probers, then every sampler (each may finish its run in flight); returns the main address's probes.</summary>
    public async Task<IReadOnlyList<ProbeSample>> StopAsync()
    {
        await Task.WhenAll(_others.Select(o => o.StopAsync()));
        return await _main.StopAsync();
    }

    /// <summary>The probes of another address of the sync group, once <see cref="StopAsync"/> has returned.</summary>
    public IReadOnlyList<ProbeSample> ProbesOf(IPAddress address) => _others.Single(o => o.Address.Equals(address)).Probes;

    private IEnumerable<AddressObservation> All => _others.Prepend(_main);

    /// <summary>One line for each node whose sampler runs failed.</summary>
    public IEnumerable<string> SamplerErrors() =>
        All.SelectMany(a => a.Samplers).Where(l => l.Errors.Count > 0).Select(l => $"{l.NodeName}: {l.Errors.Count} sampler run(s) failed, first: {l.Errors[0]}");

    /// <summary>Who held the VIP when, from the samples so far.</summary>
    public HolderTimeline Timeline(FaultActionRecord fault) => FailoverAnalyzer.Timeline(_scenario, Samples(fault));

    /// <summary>All samples on the control host's clock; a powered-off node holds nothing from the moment its power is cut.</summary>
    public List<HolderSample> Samples(FaultActionRecord fault) => Samples(fault, _main);

    /// <summary>The samples of another address of the sync group, as <see cref="Samples(FaultActionRecord)"/>.</summary>
    public List<HolderSample> SamplesOf(IPAddress address, FaultActionRecord fault) => Samples(fault, _others.Single(o => o.Address.Equals(address)));

    private List<HolderSample> Samples(FaultActionRecord fault, AddressObservation address)
    {
        var samples = new List<HolderSample>();
        foreach (var sampler in address.Samplers)
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
        var clock = ClockOf(_main.FaultedNode.NodeName);
        return _main.FaultedNode.Outputs.Where(o => o.Output.KeepalivedStartedEpochMilliseconds is not null)
            .Select(o => clock.ToControlTimeFromMilliseconds(o.Output.KeepalivedStartedEpochMilliseconds!.Value))
            .Where(t => t >= after)
            .Order()
            .Cast<DateTimeOffset?>()
            .FirstOrDefault();
    }

    private NodeClock ClockOf(string node) => _clocks.First(c => c.Node == node);
}
