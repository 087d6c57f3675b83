using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Core.Tests.Scripts;

public sealed class PackageHoldScriptTests
{
    private static readonly PackageHold[] Holds = [new("keepalived", "1:2.2.7-1+b2"), new("haproxy", "2.6.12-1+deb12u4")];

    [Fact]
    public void Apt_marks_the_packages_held() =>
        Assert.Contains("apt-mark hold 'keepalived' 'haproxy'", PackageHoldScript.For(PackageManager.Apt, Holds));

    [Theory]
    [InlineData(PackageManager.Dnf, "dnf", "python3-dnf-plugin-versionlock")]
    [InlineData(PackageManager.Yum, "yum", "yum-plugin-versionlock")]
    public void Rpm_nodes_lock_the_exact_version_replacing_an_older_lock_after_installing_the_plugin_when_missing(PackageManager manager, string tool, string plugin)
    {
        var script = PackageHoldScript.For(manager, Holds);

        Assert.Contains($"{tool} -q versionlock list >/dev/null 2>&1 || {tool} install -y -q {plugin}", script);
        Assert.True(script.IndexOf($"{tool} -q versionlock delete 'keepalived'", StringComparison.Ordinal) < script.IndexOf($"{tool} -q versionlock add 'keepalived-1:2.2.7-1+b2'", StringComparison.Ordinal));
        Assert.Contains($"{tool} -q versionlock add 'haproxy-2.6.12-1+deb12u4'", script);
    }

    [Fact]
    public void Nothing_to_hold_is_a_caller_error() =>
        Assert.Throws<ArgumentException>(() => PackageHoldScript.For(PackageManager.Apt, []));
}
