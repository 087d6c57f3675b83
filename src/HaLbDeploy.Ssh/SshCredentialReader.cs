using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Ssh;

/// <summary>Reads the environment variables a node's SSH settings name. A missing one is named in the error, its value never.</summary>
public static class SshCredentialReader
{
    public static SshCredentials Read(LbNode node, IInventoryEnvironment environment)
    {
        var ssh = node.Ssh;
        return new SshCredentials(
            Password: Read(node, environment, ssh.PasswordEnv, "password_env", $"the SSH password of {ssh.User}"),
            PrivateKeyPassphrase: Read(node, environment, ssh.PrivateKeyPassphraseEnv, "private_key_passphrase_env", $"the passphrase of {ssh.PrivateKeyPath ?? "the private key"}"),
            BecomePassword: ssh.Become ? Read(node, environment, ssh.BecomePasswordEnv, "become_password_env", $"the sudo password of {ssh.User}") : null);
    }

    private static Secret? Read(LbNode node, IInventoryEnvironment environment, string? variable, string field, string holds)
    {
        if (variable is null) return null;
        var value = environment.GetVariable(variable);
        if (string.IsNullOrEmpty(value))
        {
            throw new HostConnectionException(node.Name,
                $"environment variable {variable} is not set or empty; the inventory's ssh.{field} says it holds {holds}. Export it before running");
        }
        return new Secret(value, $"env {variable}");
    }
}
