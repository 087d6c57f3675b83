using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Core.Tests.Scripts;

public sealed class UpgradeScriptTests
{
    private static readonly PackageUpgrade[] Upgrades = [new("keepalived", "1:2.2.7-1", "1:2.2.7-1+halb1"), new("haproxy", "2.6.12-1", "2.6.12-1+halb1")];

    [Fact]
    public void Apt_installs_the_exact_versions_keeping_our_files_with_service_starts_held_back_then_restarts_both()
    {
        var script = UpgradeScript.For(PackageManager.Apt, Upgrades);

        Assert.Contains("--force-confold", script);
        Assert.Contains("'keepalived=1:2.2.7-1+halb1' 'haproxy=2.6.12-1+halb1'", script);
        Assert.Contains("exit 101", script); // policy-rc.d: the package scripts start nothing
        Assert.True(script.IndexOf("apt-get install", StringComparison.Ordinal) < script.IndexOf("systemctl restart haproxy", StringComparison.Ordinal));
        Assert.True(script.IndexOf("systemctl restart haproxy", StringComparison.Ordinal) < script.IndexOf("systemctl restart keepalived", StringComparison.Ordinal));
        Assert.Contains("systemctl is-active -q keepalived", script);
    }

    [Theory]
    [InlineData(PackageManager.Dnf, "dnf install -y -q 'keepalived-1:2.2.7-1+halb1' 'haproxy-2.6.12-1+halb1'")]
    [InlineData(PackageManager.Yum, "yum install -y -q 'keepalived-1:2.2.7-1+halb1' 'haproxy-2.6.12-1+halb1'")]
    public void Rpm_nodes_install_name_version_release(PackageManager manager, string command) =>
        Assert.Contains(command, UpgradeScript.For(manager, Upgrades));

    [Fact]
    public void Nothing_to_upgrade_is_a_caller_error() =>
        Assert.Throws<ArgumentException>(() => UpgradeScript.For(PackageManager.Apt, []));
}
