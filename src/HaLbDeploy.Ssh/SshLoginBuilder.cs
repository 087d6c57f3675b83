using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Local;
using HaLbDeploy.Ssh.Agent;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace HaLbDeploy.Ssh;

/// <summary>
/// Builds the authentication methods for a node: its private key (ed25519, ECDSA, RSA; encrypted ones with the
/// passphrase; with its OpenSSH certificate when there is one), the keys of the SSH agent, and/or its password. A
/// configured key goes first, then the agent's keys, then the password. With no key configured, the agent's keys
/// come first, then the default keys in ~/.ssh, as ssh does.
/// </summary>
public static class SshLoginBuilder
{
    public const string AgentSocketVariable = "SSH_AUTH_SOCK";

    private static readonly string[] DefaultKeyNames = ["id_ed25519", "id_ecdsa", "id_rsa"];

    public static SshLogin Build(LbNode node, SshCredentials credentials, IInventoryEnvironment environment,
        Func<string, ISshAgentTransport>? agentTransport = null)
    {
        var ssh = node.Ssh;
        var methods = new List<AuthenticationMethod>();
        var described = new List<string>();

        var keyPaths = ssh.PrivateKeyPath is { } configured
            ? [configured]
            : ssh.PasswordEnv is null ? DefaultKeyPaths(environment) : [];
        var agent = SshAgentKeys.Load(node, environment, keyPaths, agentTransport ?? (path => new UnixSocketAgentTransport(path)));
        var files = keyPaths.Select(path => LoadKey(node, path, credentials.PrivateKeyPassphrase, agent)).OfType<LoadedKeyFile>().ToList();
        var sources = ssh.PrivateKeyPath is null
            ? agent.Sources.Concat(files.Select(f => f.Key))
            : files.Select(f => f.Key).Concat(agent.Sources);
        var keys = sources.ToArray();
        if (keys.Length > 0)
        {
            methods.Add(new PrivateKeyAuthenticationMethod(ssh.User, keys));
            var fileText = files.Select(f => f.Description);
            described.Add("public key " + string.Join(", ", ssh.PrivateKeyPath is null ? agent.Described.Concat(fileText) : fileText.Concat(agent.Described)));
        }
        else if (agent.Described.Count > 0)
        {
            described.AddRange(agent.Described);
        }

        if (credentials.Password is { } password)
        {
            methods.Add(new PasswordAuthenticationMethod(ssh.User, password.Reveal()));
            var interactive = new KeyboardInteractiveAuthenticationMethod(ssh.User);
            interactive.AuthenticationPrompt += (_, e) =>
            {
                foreach (var prompt in e.Prompts)
                    if (prompt.Request.Contains("password", StringComparison.OrdinalIgnoreCase)) prompt.Response = password.Reveal();
            };
            methods.Add(interactive);
            described.Add($"password from {password.Origin}");
        }

        if (methods.Count == 0) throw NoWayToLogIn(node, agent);
        return new SshLogin(methods, string.Join(" and ", described));
    }

    private static HostConnectionException NoWayToLogIn(LbNode node, SshAgentKeys agent)
    {
        if (agent.Fault is { } fault) return new HostConnectionException(node.Name, $"no way to log in: {fault}");
        var agentNote = agent.Used ? $"the agent on {AgentSocketVariable} holds no key" : $"no agent ({AgentSocketVariable} is not set)";
        return new HostConnectionException(node.Name,
            $"no way to log in: set ssh.private_key or ssh.password_env in the inventory, or add a key to an agent with ssh-add (no default key found in ~/.ssh, {agentNote})");
    }

    private static List<string> DefaultKeyPaths(IInventoryEnvironment environment) =>
        DefaultKeyNames.Select(name => Path.Combine(environment.HomeDirectory, ".ssh", name)).Where(File.Exists).ToList();

    /// <summary>An OpenSSH private key is a few KiB (a 16384-bit RSA key about 12 KiB); more is no key. A certificate is smaller.</summary>
    public const int MaxPrivateKeyBytes = 64 * 1024;

    /// <summary>
    /// Loads the key (and its certificate, if any) from their bytes, read only when each path is a regular file of at most
    /// <see cref="MaxPrivateKeyBytes"/> (with the opener every inventory file goes through): a FIFO, a device or a huge
    /// file is refused before it is opened or read. Keys are files on this host's disk, like the default keys in ~/.ssh.
    /// </summary>
    private static LoadedKeyFile? LoadKey(LbNode node, string path, Secret? passphrase, SshAgentKeys agent)
    {
        var certificate = CertificateFor(node, path);
        var read = ReadBounded(node, "private key", path, "give ssh.private_key the key file itself");
        var certificateRead = certificate is null ? null : ReadBounded(node, "certificate", certificate, "give ssh.certificate the certificate file itself");
        try
        {
            using var key = new MemoryStream(read.Bytes, writable: false);
            using var certificateBytes = certificateRead is null ? null : new MemoryStream(certificateRead.Bytes, writable: false);
            var file = new PrivateKeyFile(key, passphrase?.Reveal(), certificateBytes);
            return new LoadedKeyFile(file, certificate is null ? path : $"{path} with certificate {certificate}");
        }
        catch (SshPassPhraseNullOrEmptyException e)
        {
            // The agent may hold this very key, unlocked: then it signs for it (as ssh does).
            if (agent.HoldsKeyOf(path)) return null;
            throw new HostConnectionException(node.Name,
                $"private key {path} is encrypted: name the environment variable holding its passphrase in ssh.private_key_passphrase_env, or add the key to an agent with ssh-add", e);
        }
        catch (SshException e)
        {
            var hint = passphrase is null ? "" : $" (is the passphrase in {passphrase.Origin} right?)";
            throw new HostConnectionException(node.Name, $"private key {path} {(certificate is null ? "" : $"or certificate {certificate} ")}cannot be loaded{hint}: {e.Message}", e);
        }
        finally
        {
            Array.Clear(read.Bytes);
        }
    }

    private static LocalFileRead ReadBounded(LbNode node, string what, string path, string fix)
    {
        var read = SystemInventoryEnvironment.Instance.ReadBytes(path, MaxPrivateKeyBytes);
        if (read.Status != LocalFileReadStatus.Read)
            throw new HostConnectionException(node.Name, $"{what} {path} {RegularFileCheck.Problem(read, MaxPrivateKeyBytes)}; {fix}");
        return read;
    }

    /// <summary>The configured certificate, else `KEY-cert.pub` beside the key when it exists (as ssh looks for it).</summary>
    private static string? CertificateFor(LbNode node, string keyPath)
    {
        if (node.Ssh.CertificatePath is { } configured && node.Ssh.PrivateKeyPath == keyPath) return configured;
        var beside = keyPath + "-cert.pub";
        return File.Exists(beside) ? beside : null;
    }

    private sealed record LoadedKeyFile(IPrivateKeySource Key, string Description);
}
