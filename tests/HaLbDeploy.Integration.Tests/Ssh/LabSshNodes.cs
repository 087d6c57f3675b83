using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Ssh;

namespace HaLbDeploy.Integration.Tests.Ssh;

/// <summary>Lab nodes as the inventory would describe them, for each account of the lab.</summary>
public static class LabSshNodes
{
    /// <summary>root with the plain key, strict host key checking against the lab's known_hosts.</summary>
    public static SshSettings Root => new(
        User: "root", Port: LabFacts.SshPort, PrivateKeyPath: LabFacts.PrivateKey, PrivateKeyPassphraseEnv: null, PasswordEnv: null,
        Become: false, BecomePasswordEnv: null, KnownHostsPath: LabFacts.KnownHosts, HostKeyPolicy: HostKeyPolicy.Strict,
        ConnectTimeout: Duration.FromSeconds(5), HostKeyFingerprint: null);

    /// <summary>halb: sudo without a password.</summary>
    public static SshSettings SudoUser => Root with { User = LabFacts.SudoUser, Become = true };

    /// <summary>halbpw: sudo with the password from the lab's sudo-password file.</summary>
    public static SshSettings PasswordSudoUser => Root with
    {
        User = LabFacts.PasswordUser, Become = true, BecomePasswordEnv = LabSecretsEnvironment.SudoPasswordVariable,
    };

    public static LbNode Node(string name, SshSettings ssh)
    {
        LabFacts.RequireLabUp();
        var host = LabFacts.Node(name);
        return new LbNode(host.Name, IPAddress.Parse(host.Address), 100, LabFacts.Interface, VrrpInitialState.Backup, ssh);
    }

    public static SshHostConnector Connector(SshConnectorOptions? options = null) =>
        new((options ?? new SshConnectorOptions()) with { Environment = new LabSecretsEnvironment() });
}
