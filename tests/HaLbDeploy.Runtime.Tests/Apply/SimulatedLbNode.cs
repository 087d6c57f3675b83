using System.Net;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Tests.Facts;
using HaLbDeploy.Runtime.Tests.Hosts;

namespace HaLbDeploy.Runtime.Tests.Apply;

/// <summary>
/// One LB node of a <see cref="SimulatedLbTier"/>: what is installed, which files are live or staged, which
/// services run. Its fact output is a recorded one (<see cref="Recording"/>) with the parts this state decides
/// written in; <see cref="Answers"/> and <see cref="Before"/> make single scripts fail, throw or take time.
/// </summary>
public sealed class SimulatedLbNode(string name, IPAddress address, int priority)
{
    public string Name => name;

    public IPAddress Address => address;

    public int Priority => priority;

    /// <summary>The recorded fact output the node's answers start from: OS, tools, links, listeners, firewall, SELinux.</summary>
    public string Recording { get; set; } = RecordedFacts.Debian12Fresh;

    /// <summary>Section bodies written over the recording's and the simulated ones, by header: e.g. "selinux-booleans".</summary>
    public Dictionary<string, string> Sections { get; } = new(StringComparer.Ordinal);

    /// <summary>The interface that carries <see cref="Address"/>, as the recordings name it.</summary>
    public string Interface { get; set; } = "host0";

    public bool PackagesInstalled { get; set; }

    /// <summary>The node's run lock: free unless a test makes another run hold it.</summary>
    public SimulatedRunLock RunLock { get; } = new();

    /// <summary>How many reads ran with the run lock, in the same command (the SSH adapter's one round trip).</summary>
    public int LockedReads { get; set; }

    public bool UnitsEnabled { get; set; }

    public bool KeepalivedActive { get; set; }

    public bool HaproxyActive { get; set; }

    public bool ServicesActive => KeepalivedActive && HaproxyActive;

    /// <summary>keepalived does not come up after an activation (the script itself still succeeds).</summary>
    public bool KeepalivedStaysDown { get; set; }

    public Dictionary<string, SimulatedFile> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Files written by the stage script and not yet swapped in or discarded, by live path.</summary>
    public Dictionary<string, SimulatedFile> Staged { get; } = new(StringComparer.Ordinal);

    /// <summary>What a script with this description answers instead of being simulated, e.g. a failed exit.</summary>
    public Dictionary<string, ScriptResult> Answers { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs when a script with this description arrives, before it is answered: to cancel the run, advance the clock or throw.</summary>
    public Dictionary<string, Action> Before { get; } = new(StringComparer.Ordinal);

    /// <summary>Thrown instead of connecting.</summary>
    public HostConnectionException? ConnectFailure { get; set; }

    /// <summary>What the connect waits for before it answers, e.g. a slow key exchange; null answers at once.</summary>
    public Func<CancellationToken, Task>? ConnectDelay { get; set; }
}
