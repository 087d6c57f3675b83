using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Drain;

/// <summary>
/// The scripts of drain and undrain: haproxy's runtime API on the admin socket (the one verify reads), with the same
/// clients (socat, python, perl). The change sends `set server SECTION/NAME state drain|ready` for every haproxy backend
/// section that serves the server (`kube-apiserver` for the one-frontend shorthand, each frontend's name otherwise) and, on the same
/// connection, `show stat`, so the node's answer shows the state it took and the sessions still open. No file is
/// written and haproxy is not reloaded: the state lives in haproxy's memory until its next reload or restart.
/// </summary>
public static class ServerStateScript
{
    /// <summary>The backend section of the rendered haproxy.cfg (playbooks/templates/haproxy.cfg.liquid) that holds the API servers.</summary>
    public const string BackendSection = "kube-apiserver";

    public const string ChangeDescription = "set the API server's state in haproxy";

    public const string ReadDescription = "read haproxy's server states";

    /// <summary>The haproxy backend sections (one per frontend, named after it) that list <paramref name="server"/>, in inventory order.</summary>
    public static IReadOnlyList<string> SectionsServing(Inventory inventory, string server) =>
        inventory.Frontends.Where(f => f.Backends.Any(b => b.Name == server)).Select(f => f.Name).ToList();

    /// <summary>
    /// The script that sets <paramref name="server"/> (an inventory backend name) to <paramref name="state"/> in each of
    /// <paramref name="sections"/> (default: the shorthand's one section).
    /// </summary>
    public static string BuildChange(string server, ServerAdminState state, IReadOnlyList<string>? sections = null) =>
        NodeStatusScript.Frame(NodeStatusScript.StatsSocket(
            string.Concat((sections ?? [BackendSection]).Select(section => $"set server {section}/{server} state {Word(state)};")) + "show stat"));

    /// <summary>The read-only script that reads every server's state and sessions (`show stat`).</summary>
    public static string BuildRead() => NodeStatusScript.Frame(NodeStatusScript.StatsSocket());

    /// <summary>haproxy's word for the state.</summary>
    public static string Word(ServerAdminState state) => state == ServerAdminState.Drain ? "drain" : "ready";

    /// <summary>
    /// Types a node's answer. What haproxy said to `set server` comes before the CSV header (nothing on success,
    /// e.g. "No such server." otherwise); an answer, a missing server, an unreadable socket or a cut output is an error.
    /// </summary>
    /// <remarks>With several sections the server must be in each; its sessions are the sum over them.</remarks>
    public static ServerOnNode Parse(string node, string server, string output, IReadOnlyList<string>? sections = null)
    {
        var status = NodeStatusScript.Parse(node, IPAddress.None, output);
        if (status.Error is not null) return ServerOnNode.Unreadable(node, status.Error);
        var answer = string.Join(' ', NodeStatusScript.StatsLines(output).TakeWhile(l => !l.StartsWith('#')).Select(l => l.Trim()).Where(l => l.Length > 0));
        if (answer.Length > 0) return ServerOnNode.Unreadable(node, $"haproxy answered: {answer}");
        if (status.StatsError is not null) return ServerOnNode.Unreadable(node, status.StatsError);
        var lines = new List<BackendServerStatus>();
        foreach (var section in sections ?? [BackendSection])
        {
            if (status.Backends.FirstOrDefault(b => b.Proxy == section && b.Server == server) is not { } line)
                return ServerOnNode.Unreadable(node, $"haproxy has no server {section}/{server} (run apply)");
            lines.Add(line);
        }
        var sessions = lines.All(l => l.CurrentSessions is not null) ? lines.Sum(l => l.CurrentSessions!.Value) : (long?)null;
        return new ServerOnNode(node, lines[0] with { CurrentSessions = sessions }, null);
    }
}
