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
    public void Every_held_package_is_added_to_the_record_of_our_holds_once_through_a_renamed_temporary_file()
    {
        var script = PackageHoldScript.For(PackageManager.Apt, Holds);

        Assert.Contains("{ cat '/var/lib/halb-deploy/package-holds' 2>/dev/null || true; printf '%s\\n' 'keepalived' 'haproxy'; } | sort -u > '/var/lib/halb-deploy/package-holds.tmp'", script);
        Assert.Contains("mv -f '/var/lib/halb-deploy/package-holds.tmp' '/var/lib/halb-deploy/package-holds'", script);
        Assert.True(script.IndexOf("apt-mark hold", StringComparison.Ordinal) < script.IndexOf("package-holds.tmp", StringComparison.Ordinal), "recorded only once held");
    }

    [Fact]
    public void Apt_releases_a_hold_of_ours_and_drops_it_from_the_record_removing_an_empty_record()
    {
        var script = PackageHoldScript.For(PackageManager.Apt, [new PackageRelease("haproxy")]);

        Assert.Contains("apt-mark unhold 'haproxy' >/dev/null", script);
        Assert.Contains("{ grep -vx -e 'haproxy' '/var/lib/halb-deploy/package-holds' 2>/dev/null || true; } > '/var/lib/halb-deploy/package-holds.tmp'", script);
        Assert.Contains("[ -s '/var/lib/halb-deploy/package-holds' ] || rm -f '/var/lib/halb-deploy/package-holds'", script);
    }

    [Theory]
    [InlineData(PackageManager.Dnf, "dnf")]
    [InlineData(PackageManager.Yum, "yum")]
    public void Rpm_nodes_release_by_deleting_the_versionlock_which_may_already_be_gone(PackageManager manager, string tool)
    {
        var script = PackageHoldScript.For(manager, [new PackageRelease("keepalived"), new PackageRelease("haproxy")]);

        Assert.Contains($"{tool} -q versionlock delete 'keepalived' >/dev/null 2>&1 || true", script);
        Assert.Contains($"{tool} -q versionlock delete 'haproxy' >/dev/null 2>&1 || true", script);
        Assert.Contains("grep -vx -e 'keepalived' -e 'haproxy'", script);
    }

    [Fact]
    public void Nothing_to_release_is_a_caller_error() =>
        Assert.Throws<ArgumentException>(() => PackageHoldScript.For(PackageManager.Apt, Array.Empty<PackageRelease>()));

    [Fact]
    public void Nothing_to_hold_is_a_caller_error() =>
        Assert.Throws<ArgumentException>(() => PackageHoldScript.For(PackageManager.Apt, Array.Empty<PackageHold>()));
}
