using System.Text.RegularExpressions;
using HaLbDeploy.Core.Drain;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Tests.Hosts;

namespace HaLbDeploy.Runtime.Tests.Drain;

/// <summary>
/// One node's haproxy as drain sees it through the admin socket: servers m1 and m2, each UP or DRAIN, with open
/// sessions that end one per read (a client closing its stream). Records the runtime commands it was sent.
/// </summary>
public sealed partial class SimulatedHaproxySession(string node) : IHostSession
{
    private readonly Lock _lock = new();

    public string NodeName => node;

    public SimulatedRunLock RunLock { get; } = new();

    public Dictionary<string, string> States { get; } = new() { ["m1"] = "UP", ["m2"] = "UP" };

    public Dictionary<string, long> Sessions { get; } = new() { ["m1"] = 0, ["m2"] = 0 };

    /// <summary>What haproxy answers to `set server` (e.g. "No such server."); null: it accepts.</summary>
    public string? Refusal { get; set; }

    /// <summary>Sessions that never end (a client holding a watch open).</summary>
    public bool SessionsStay { get; set; }

    public List<string> Commands { get; } = [];

    public Task<ScriptResult> ReadAsync(string description, string script, CancellationToken cancellationToken)
    {
        Assert.Equal(ServerStateScript.ReadDescription, description);
        lock (_lock)
        {
            if (!SessionsStay)
                foreach (var server in Sessions.Keys.ToList()) Sessions[server] = Math.Max(0, Sessions[server] - 1);
            return Task.FromResult(Answer(""));
        }
    }

    public Task<ScriptResult> ChangeAsync(string description, string script, CancellationToken cancellationToken)
    {
        Assert.Equal(ServerStateScript.ChangeDescription, description);
        var command = SetServer().Match(script);
        Assert.True(command.Success, "the change script sends set server ... state");
        lock (_lock)
        {
            Commands.Add(command.Value);
            if (Refusal is null) States[command.Groups["server"].Value] = command.Groups["state"].Value == "drain" ? "DRAIN" : "UP";
            return Task.FromResult(Answer(Refusal is null ? "" : Refusal + "\n"));
        }
    }

    public Task<RunLockAttempt> TryTakeRunLockAsync(RunLockOwner owner, CancellationToken cancellationToken) => RunLock.TryTakeAsync(owner, cancellationToken);

    public Task<RunLockAttempt> TryTakeRunLockAndReadAsync(RunLockOwner owner, string readDescription, string readScript, CancellationToken cancellationToken) =>
        throw new NotSupportedException("only apply reads with its lock");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private ScriptResult Answer(string setAnswer)
    {
        var csv = string.Concat(States.Select(s => $"kube-apiserver,{s.Key},{s.Value},{Sessions[s.Key]}\n"));
        return new ScriptResult(0, $"stats-client perl\n@@halb stats\n{setAnswer}# pxname,svname,status,scur\n{csv}\n@@halb stats-end\n@@halb end\n", "");
    }

    [GeneratedRegex(@"set server kube-apiserver/(?<server>[a-z0-9]+) state (?<state>drain|ready)")]
    private static partial Regex SetServer();
}
