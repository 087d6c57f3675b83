using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Local;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace HaLbDeploy.Ssh;

/// <summary>
/// Builds the authentication methods for a node: its private key (ed25519, ECDSA, RSA; encrypted ones with the
/// passphrase) and/or its password, offered together when both are configured. With neither, the default keys in
/// ~/.ssh are used, as ssh does.
/// </summary>
public static class SshLoginBuilder
{
    private static readonly string[] DefaultKeyNames = ["id_ed25519", "id_ecdsa", "id_rsa"];

    public static SshLogin Build(LbNode node, SshCredentials credentials, IInventoryEnvironment environment)
    {
        var ssh = node.Ssh;
        var methods = new List<AuthenticationMethod>();
        var described = new List<string>();

        var keyPaths = ssh.PrivateKeyPath is { } configured
            ? [configured]
            : ssh.PasswordEnv is null ? DefaultKeyPaths(environment) : [];
        if (keyPaths.Count > 0)
        {
            var keys = keyPaths.Select(path => LoadKey(node, path, credentials.PrivateKeyPassphrase)).ToArray();
            methods.Add(new PrivateKeyAuthenticationMethod(ssh.User, keys));
            described.Add("public key " + string.Join(", ", keyPaths));
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

        if (methods.Count == 0)
        {
            throw new HostConnectionException(node.Name,
                "no way to log in: set ssh.private_key or ssh.password_env in the inventory (no default key found in ~/.ssh)");
        }
        return new SshLogin(methods, string.Join(" and ", described));
    }

    private static List<string> DefaultKeyPaths(IInventoryEnvironment environment) =>
        DefaultKeyNames.Select(name => Path.Combine(environment.HomeDirectory, ".ssh", name)).Where(File.Exists).ToList();

    /// <summary>An OpenSSH private key is a few KiB (a 16384-bit RSA key about 12 KiB); more is no key.</summary>
    public const int MaxPrivateKeyBytes = 64 * 1024;

    /// <summary>
    /// Loads the key from its bytes, read only when the path is a regular file of at most <see cref="MaxPrivateKeyBytes"/>
    /// (with the opener every inventory file goes through): a FIFO, a device or a huge file is refused before it is
    /// opened or read. Keys are files on this host's disk, like the default keys looked for in ~/.ssh.
    /// </summary>
    private static PrivateKeyFile LoadKey(LbNode node, string path, Secret? passphrase)
    {
        var read = SystemInventoryEnvironment.Instance.ReadBytes(path, MaxPrivateKeyBytes);
        if (read.Status != LocalFileReadStatus.Read)
            throw new HostConnectionException(node.Name, $"private key {path} {RegularFileCheck.Problem(read, MaxPrivateKeyBytes)}; give ssh.private_key the key file itself");
        try
        {
            using var key = new MemoryStream(read.Bytes, writable: false);
            return passphrase is null ? new PrivateKeyFile(key) : new PrivateKeyFile(key, passphrase.Reveal());
        }
        catch (SshPassPhraseNullOrEmptyException e)
        {
            throw new HostConnectionException(node.Name,
                $"private key {path} is encrypted: name the environment variable holding its passphrase in ssh.private_key_passphrase_env", e);
        }
        catch (SshException e)
        {
            var hint = passphrase is null ? "" : $" (is the passphrase in {passphrase.Origin} right?)";
            throw new HostConnectionException(node.Name, $"private key {path} cannot be loaded{hint}: {e.Message}", e);
        }
        finally
        {
            Array.Clear(read.Bytes);
        }
    }
}
