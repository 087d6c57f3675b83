using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Ssh.HostKeys;
using Renci.SshNet;

namespace HaLbDeploy.Ssh.Agent;

/// <summary>
/// The agent keys offered to one node. ssh.agent true: the agent must answer; unset: it is asked when SSH_AUTH_SOCK
/// is set and no key is configured, and an agent that does not answer is reported only when nothing else can log in.
/// With identities_only, only agent keys whose public key is in a `KEY.pub` beside a key file named for the node.
/// </summary>
public sealed class SshAgentKeys
{
    private const int MaxPublicKeyFileBytes = 64 * 1024;

    private readonly Dictionary<string, byte[]?> publicKeys = new(StringComparer.Ordinal);
    private IReadOnlyList<SshAgentIdentity> all = [];

    private SshAgentKeys()
    {
    }

    public bool Used { get; private set; }

    public IReadOnlyList<IPrivateKeySource> Sources { get; private set; } = [];

    /// <summary>"agent key ssh-ed25519 SHA256:… (comment)" per key offered, or the agent's fault.</summary>
    public IReadOnlyList<string> Described { get; private set; } = [];

    /// <summary>Why the agent could not be used, for the message when nothing else can log in.</summary>
    public string? Fault { get; private set; }

    public static SshAgentKeys Load(LbNode node, IInventoryEnvironment environment, IReadOnlyList<string> keyPaths, Func<string, ISshAgentTransport> transport)
    {
        var keys = new SshAgentKeys();
        var ssh = node.Ssh;
        var socket = environment.GetVariable(SshLoginBuilder.AgentSocketVariable);
        var wanted = ssh.Agent ?? (!string.IsNullOrEmpty(socket) && ssh.PrivateKeyPath is null);
        if (!wanted) return keys;
        if (string.IsNullOrEmpty(socket))
            throw new HostConnectionException(node.Name, $"ssh.agent is true but {SshLoginBuilder.AgentSocketVariable} is not set: start an agent (`eval $(ssh-agent)`, `ssh-add KEY`) or set ssh.agent: false");
        keys.Used = true;
        foreach (var path in keyPaths) keys.publicKeys[path] = ReadPublicKey(environment, path + ".pub");
        var client = new SshAgentClient(transport(socket));
        try
        {
            keys.all = client.ListIdentities();
        }
        catch (Exception e) when (e is SshAgentUnreachableException or SshAgentProtocolException)
        {
            var fault = $"the SSH agent could not be used: {e.Message}";
            if (ssh.Agent == true) throw new HostConnectionException(node.Name, fault + " (ssh.agent is true)", e);
            keys.Fault = fault;
            keys.Described = [$"no agent key ({e.Message})"];
            return keys;
        }
        var offered = keys.all.Where(i => SshAgentClient.AlgorithmsFor(i.KeyType).Count > 0)
            .Where(i => !ssh.IdentitiesOnly || keys.publicKeys.Values.Any(blob => blob is not null && i.HasKey(blob)))
            .ToList();
        keys.Sources = offered.Select(i => (IPrivateKeySource)new SshAgentKeySource(client, i)).ToList();
        keys.Described = offered.Count > 0
            ? offered.Select(i => $"agent key {i} ({i.Comment})").ToList()
            : [$"no agent key ({keys.all.Count} in the agent{(ssh.IdentitiesOnly && keys.all.Count > 0 ? ", none of them a configured key (identities_only)" : "")})"];
        return keys;
    }

    /// <summary>True when the agent holds the key whose public half is in <paramref name="keyPath"/>.pub.</summary>
    public bool HoldsKeyOf(string keyPath) =>
        publicKeys.GetValueOrDefault(keyPath) is { } blob && all.Any(i => i.HasKey(blob)) && Sources.Count > 0;

    /// <summary>The key blob of an OpenSSH public key file (`TYPE BASE64 comment`), read bounded; null when there is none.</summary>
    private static byte[]? ReadPublicKey(IInventoryEnvironment environment, string path)
    {
        var read = environment.ReadBytes(path, MaxPublicKeyFileBytes);
        if (read.Status != LocalFileReadStatus.Read) return null;
        var fields = System.Text.Encoding.UTF8.GetString(read.Bytes).Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2) return null;
        try
        {
            var blob = Convert.FromBase64String(fields[1]);
            return SshPublicKeyBlob.TryReadKeyType(blob) == fields[0] ? blob : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
