using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Ssh;

/// <summary>
/// Reads the environment variables a node's SSH settings name. A missing one is named in the error, its value never.
/// A sudo password with a line break is refused here, before anything connects.
/// </summary>
public static class SshCredentialReader
{
    public static SshCredentials Read(LbNode node, IInventoryEnvironment environment)
    {
        var ssh = node.Ssh;
        var becomePassword = ssh.Become ? Read(node, environment, ssh.BecomePasswordEnv, "become_password_env", $"the sudo password of {ssh.User}") : null;
        if (becomePassword is not null && !RemoteShellCommand.IsSendable(becomePassword))
        {
            throw new HostConnectionException(node.Name,
                $"environment variable {ssh.BecomePasswordEnv} (ssh.become_password_env) holds a line break: sudo reads a password only up to " +
                "the first one, so halb-deploy refuses it and sent nothing to the node. Set it to the password alone, on one line");
        }
        return new SshCredentials(
            Password: Read(node, environment, ssh.PasswordEnv, "password_env", $"the SSH password of {ssh.User}"),
            PrivateKeyPassphrase: Read(node, environment, ssh.PrivateKeyPassphraseEnv, "private_key_passphrase_env", $"the passphrase of {ssh.PrivateKeyPath ?? "the private key"}"),
            BecomePassword: becomePassword);
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
