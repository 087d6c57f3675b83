using System.Text;
using System.Text.RegularExpressions;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Runtime.Tests.Apply;

/// <summary>
/// A session on a <see cref="SimulatedLbNode"/>: answers the fact script, the health probe and the file read, and
/// carries out install, stage, activate, retire and discard on the node's state. Records every script in the tier's log
/// and, like the SSH adapter, gives up with <see cref="OperationCanceledException"/> once its token is cancelled.
/// </summary>
public sealed partial class SimulatedLbSession(SimulatedLbNode node, SimulatedLbTier tier) : IHostSession
{
    public string NodeName => node.Name;

    public Task<ScriptResult> ReadAsync(string description, string script, CancellationToken cancellationToken) =>
        Task.FromResult(Run(new RemoteCall(node.Name, description, script, IsChange: false, cancellationToken.CanBeCanceled), cancellationToken));

    public Task<ScriptResult> ChangeAsync(string description, string script, CancellationToken cancellationToken) =>
        Task.FromResult(Run(new RemoteCall(node.Name, description, script, IsChange: true, cancellationToken.CanBeCanceled), cancellationToken));

    public Task<RunLockAttempt> TryTakeRunLockAsync(RunLockOwner owner, CancellationToken cancellationToken) =>
        node.RunLock.TryTakeAsync(owner, cancellationToken);

    /// <summary>
    /// As the SSH adapter: the read runs only once the lock is taken (recorded like any read), and a read that throws
    /// takes the lock with it, since both are one command there.
    /// </summary>
    public async Task<RunLockAttempt> TryTakeRunLockAndReadAsync(RunLockOwner owner, string readDescription, string readScript, CancellationToken cancellationToken)
    {
        var attempt = await node.RunLock.TryTakeAsync(owner, cancellationToken);
        if (attempt.Lock is not { } taken) return attempt;
        node.LockedReads++;
        try
        {
            return RunLockAttempt.TakenWith(taken, Run(new RemoteCall(node.Name, readDescription, readScript, IsChange: false, cancellationToken.CanBeCanceled), cancellationToken));
        }
        catch (Exception)
        {
            await taken.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        tier.Disconnect(node.Name);
        return ValueTask.CompletedTask;
    }

    private ScriptResult Run(RemoteCall call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        tier.Record(call);
        if (node.Before.TryGetValue(call.Description, out var before)) before();
        cancellationToken.ThrowIfCancellationRequested();
        if (node.Answers.TryGetValue(call.Description, out var answer)) return answer;
        return call.IsChange ? Change(call.Description, call.Script) : Read(call.Description, call.Script);
    }

    private ScriptResult Read(string description, string script) => description switch
    {
        FactScript.Description => Ok(SimulatedFacts.Of(node, tier.VipHolder == node.Name, tier.Vip, tier.Clock.GetUtcNow())),
        HealthProbe.Description => Ok(Health()),
        "read changed files" => Ok(FileContents(script)),
        _ => throw new InvalidOperationException($"{node.Name}: unexpected read '{description}'"),
    };

    private ScriptResult Change(string description, string script)
    {
        switch (description)
        {
            case "install packages":
                // As apt does on Debian: haproxy starts at once on its default configuration; keepalived waits for one.
                node.PackagesInstalled = node.UnitsEnabled = node.HaproxyActive = true;
                node.Files["/etc/haproxy/haproxy.cfg"] = new SimulatedFile("global\n  log /dev/log local0\n", "0644", "root", "root");
                return Ok("");
            case "firewall and selinux":
                return Ok("");
            case "stage and validate files":
                foreach (Match staged in StagedFile().Matches(script))
                    node.Staged[staged.Groups["path"].Value] = new SimulatedFile(Decode(staged.Groups["content"].Value), staged.Groups["mode"].Value, staged.Groups["owner"].Value, staged.Groups["group"].Value);
                return Ok(ScriptMarkers.Done + "\n");
            case "activate configuration":
                Activate();
                return Ok(ScriptMarkers.Done + "\n");
            case RetireScript.Description:
                node.KeepalivedActive = node.HaproxyActive = node.UnitsEnabled = false;
                foreach (var path in NodePaths.Managed) node.Files.Remove(path);
                tier.Elect();
                return Ok(ScriptMarkers.Done + "\n");
            case "discard staged files":
                node.Staged.Clear();
                return Ok("");
            default:
                throw new InvalidOperationException($"{node.Name}: unexpected change '{description}'");
        }
    }

    private void Activate()
    {
        foreach (var (path, file) in node.Staged) node.Files[path] = file;
        node.Staged.Clear();
        node.UnitsEnabled = node.HaproxyActive = true;
        node.KeepalivedActive = !node.KeepalivedStaysDown;
        tier.Elect();
    }

    private string Health()
    {
        var output = new StringBuilder($"keepalived={(node.KeepalivedActive ? "active" : "inactive")}\nhaproxy={(node.HaproxyActive ? "active" : "inactive")}\n");
        output.Append($"addr=lo 127.0.0.1/8\naddr={node.Interface} {node.Address}/24\n");
        if (tier.VipHolder == node.Name) output.Append($"addr={node.Interface} {tier.Vip}/24\n");
        return output.ToString();
    }

    private string FileContents(string script)
    {
        var output = new StringBuilder();
        foreach (Match asked in AskedFile().Matches(script))
        {
            var path = asked.Groups[1].Value;
            output.Append($"@@halb file {path}\n");
            output.Append(node.Files.TryGetValue(path, out var file) ? Convert.ToBase64String(Encoding.UTF8.GetBytes(file.Content)) : "@@halb missing").Append('\n');
            output.Append("@@halb end\n");
        }
        return output.ToString();
    }

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64.Replace("\n", "", StringComparison.Ordinal)));

    private static ScriptResult Ok(string output) => new(0, output, "");

    [GeneratedRegex(@"base64 -d > '(?<path>[^']+)\.halb-new' <<'HALB_EOF'[^\n]*\n(?<content>[A-Za-z0-9+/=\n]*?)\nHALB_EOF\nchown '(?<owner>[^:']+):(?<group>[^']+)' '[^']+' && chmod (?<mode>\d+) ")]
    private static partial Regex StagedFile();

    [GeneratedRegex(@"echo '@@halb file ([^']+)'")]
    private static partial Regex AskedFile();
}
