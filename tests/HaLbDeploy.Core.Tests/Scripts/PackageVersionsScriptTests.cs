using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Core.Tests.Scripts;

public sealed class PackageVersionsScriptTests
{
    [Fact]
    public void Apt_reads_dpkg_and_apt_cache_after_refreshing_the_lists()
    {
        var script = PackageVersionsScript.For(PackageManager.Apt);

        Assert.Contains("apt-get update -q", script);
        Assert.Contains("dpkg-query -W", script);
        Assert.Contains("apt-cache policy", script);
        Assert.Contains("for p in keepalived haproxy; do", script);
    }

    [Theory]
    [InlineData(PackageManager.Dnf, "dnf -q list available --showduplicates")]
    [InlineData(PackageManager.Yum, "yum -q list available --showduplicates")]
    public void Rpm_nodes_read_rpm_and_the_available_list(PackageManager manager, string available)
    {
        var script = PackageVersionsScript.For(manager);

        Assert.Contains("rpm -q --qf '%{EPOCHNUM}:%{VERSION}-%{RELEASE}'", script);
        Assert.Contains(available, script);
    }

    [Fact]
    public void Parse_reads_whether_our_record_names_the_hold_and_an_older_line_without_it_as_not_ours()
    {
        var versions = PackageVersionsScript.Parse("@@halb package keepalived installed=1 candidate=1 held=yes ours=yes\n@@halb package haproxy installed=2 candidate=2 held=yes\n");

        Assert.Equal([true, false], versions.Select(v => v.HeldByHalb));
    }

    [Fact]
    public void On_apt_a_held_package_reads_as_installed_with_its_version()
    {
        var bash = TestSupport.ExternalCommand.Locate("bash");
        Assert.NotNull(bash);
        // Shell functions stand in for the package tools (they take precedence over the script's PATH).
        const string stubs = """
            apt-get() { :; }
            dpkg-query() { printf 'hold ok installed 1:2.2.7-1+b2'; }
            apt-cache() { case "$1" in policy) echo '  Candidate: 1:2.2.7-1+b2' ;; madison) echo "$2 | 1:2.2.7-1+b2 | repo" ;; esac; }
            apt-mark() { echo "$2"; }

            """;

        var result = TestSupport.ExternalCommand.Run(bash, ["-c", stubs + PackageVersionsScript.For(PackageManager.Apt)]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var versions = PackageVersionsScript.Parse(result.StandardOutput);
        Assert.Equal([("keepalived", "1:2.2.7-1+b2", true), ("haproxy", "1:2.2.7-1+b2", true)], versions.Select(v => (v.Package, v.Installed, v.Held)));
    }

    [Fact]
    public void The_script_asks_the_record_of_our_holds_for_each_package() =>
        Assert.Contains("if grep -qx \"$p\" '/var/lib/halb-deploy/package-holds' 2>/dev/null; then o=yes; else o=no; fi", PackageVersionsScript.For(PackageManager.Apt));

    [Fact]
    public void Parse_reads_each_package_line_its_hold_and_offered_versions_and_an_empty_value_as_none()
    {
        var output = "noise\n@@halb package keepalived installed=1:2.2.7-1+b2 candidate=1:2.2.7-1+b2+halb1 held=yes\n" +
                     "@@halb available keepalived 1:2.2.7-1+b2+halb1\n@@halb available keepalived 1:2.2.7-1+b2\n" +
                     "@@halb package haproxy installed= candidate= held=no\n";

        var versions = PackageVersionsScript.Parse(output);

        Assert.Equal([("keepalived", "1:2.2.7-1+b2", "1:2.2.7-1+b2+halb1", true), ("haproxy", null, null, false)],
            versions.Select(v => (v.Package, v.Installed, v.Candidate, v.Held)));
        Assert.Equal(["1:2.2.7-1+b2+halb1", "1:2.2.7-1+b2"], versions[0].Available);
        Assert.Empty(versions[1].Available);
    }
}
