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
    public void The_holder_upgrade_leaves_keepalived_stopped_for_the_take_back()
    {
        var script = UpgradeScript.For(PackageManager.Apt, Upgrades, keepalivedStopped: true);

        Assert.DoesNotContain("systemctl restart keepalived", script);
        Assert.Contains("until systemctl is-active -q haproxy; do", script);
    }

    [Fact]
    public void The_take_back_starts_as_the_address_owner_waits_for_the_vip_then_reloads_into_the_rendered_file()
    {
        var script = UpgradeScript.TakeBack("10.0.0.100", "eth0");

        Assert.Contains("\\1 255/", script);
        var start = script.IndexOf("systemctl start keepalived", StringComparison.Ordinal);
        var vip = script.IndexOf("grep -qF ' 10.0.0.100/'", StringComparison.Ordinal);
        var reload = script.LastIndexOf("restore\nsystemctl reload keepalived", StringComparison.Ordinal);
        Assert.True(start > 0 && start < vip && vip < reload, script);
    }

    [Fact]
    public void Nothing_to_upgrade_is_a_caller_error() =>
        Assert.Throws<ArgumentException>(() => UpgradeScript.For(PackageManager.Apt, []));
}
