using System.Net;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Ssh.Tests.TestSupport;

public static class TestNodes
{
    public static readonly SshSettings RootWithKey = new(
        User: "root", Port: 22, PrivateKeyPath: "/keys/id_ed25519", PrivateKeyPassphraseEnv: null, PasswordEnv: null,
        Become: false, BecomePasswordEnv: null, KnownHostsPath: "/tmp/known_hosts", HostKeyPolicy: HostKeyPolicy.Strict,
        ConnectTimeout: Duration.FromSeconds(10), HostKeyFingerprint: null);

    public static LbNode Node(SshSettings? ssh = null, string name = "lb1") =>
        new(name, IPAddress.Parse("192.0.2.11"), 100, "eth0", VrrpInitialState.Backup, ssh ?? RootWithKey);
}
