using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Preflight;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Core.Tests.Facts;

namespace HaLbDeploy.Core.Tests.Planning;

/// <summary>`packages: source: files` (air-gapped nodes): facts in, changes, preflight findings and commands out.</summary>
public sealed class PackageFilePlanTests
{
    private static readonly PackageFile KeepalivedDeb = new("/pkgs/keepalived_2.2.7-1+b2_amd64.deb", "keepalived_2.2.7-1+b2_amd64.deb", 569660, new string('1', 64), PackageFormat.Deb);
    private static readonly PackageFile HaproxyDeb = new("/pkgs/haproxy_2.6.12-1+deb12u4_amd64.deb", "haproxy_2.6.12-1+deb12u4_amd64.deb", 2042596, new string('2', 64), PackageFormat.Deb);
    private static readonly PackageFile HaproxyRpm = new("/pkgs/haproxy-2.4.22-1.el9.x86_64.rpm", "haproxy-2.4.22-1.el9.x86_64.rpm", 2000000, new string('3', 64), PackageFormat.Rpm);

    private static Inventory WithFiles(params PackageFile[] files) =>
        PlanningFixtures.Inventory with { Packages = new PackageSettings(PackageSource.Files, files) };

    private static NodePlan Plan(Inventory inventory, NodeFacts facts) =>
        new NodePlanner(inventory, SecretMasker.For(inventory)).Plan(PlanningFixtures.Desired(), facts);

    [Fact]
    public void A_fresh_debian_node_plans_the_same_changes_as_from_a_repository_and_says_where_the_packages_come_from()
    {
        var facts = RecordedFacts.Parse(RecordedFacts.Debian12Fresh);

        var fromFiles = Plan(WithFiles(KeepalivedDeb, HaproxyDeb), facts);
        var fromRepository = PlanningFixtures.Plan(facts);

        Assert.Equal(fromRepository.Changes.Select(c => (c.Kind, c.Target)), fromFiles.Changes.Select(c => (c.Kind, c.Target)));
        Assert.Equal(["+ install package keepalived from the inventory's .deb files", "+ install package haproxy from the inventory's .deb files"],
            fromFiles.Of(ChangeKind.InstallPackage).Select(c => c.ToString()));
        Assert.Equal("+ install package keepalived", fromRepository.Of(ChangeKind.InstallPackage).First().ToString());
    }

    [Fact]
    public void A_node_that_has_both_packages_installs_nothing_even_when_files_are_listed()
    {
        var plan = Plan(WithFiles(KeepalivedDeb, HaproxyDeb), PlanningFixtures.Converged());

        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void A_node_with_no_file_of_its_format_fails_preflight_before_anything_is_changed()
    {
        var inventory = WithFiles(HaproxyRpm);
        var facts = RecordedFacts.Parse(RecordedFacts.Debian12Fresh);

        var findings = PreflightChecks.Check(inventory, inventory.Nodes[0], facts, null, TimeSpan.FromSeconds(2));

        var finding = Assert.Single(findings, f => f.Check == "package-files");
        Assert.True(finding.IsError);
        Assert.Equal("packages.source is files, but no .deb file is listed for this apt node", finding.Message);
    }

    [Fact]
    public void A_node_with_both_packages_installed_needs_no_file_of_its_format()
    {
        var inventory = WithFiles(HaproxyRpm);
        var facts = RecordedFacts.Parse(RecordedFacts.Debian12ConvergedBackup);

        var findings = PreflightChecks.Check(inventory, inventory.Nodes[0], facts, null, TimeSpan.FromSeconds(2));

        Assert.DoesNotContain(findings, f => f.Check == "package-files");
    }

    [Fact]
    public void Apt_installs_the_uploaded_debs_in_one_transaction_with_the_repositories_switched_off()
    {
        var script = NodeScripts.InstallPackageFiles(PackageManager.Apt, [KeepalivedDeb, HaproxyDeb]);

        Assert.Contains(
            "DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Options::=--force-confold " +
            "-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=/dev/null -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= " +
            "'/var/cache/halb-deploy/packages/keepalived_2.2.7-1+b2_amd64.deb' '/var/cache/halb-deploy/packages/haproxy_2.6.12-1+deb12u4_amd64.deb' || rc=$?",
            script);
        Assert.DoesNotContain("apt-get update", script);
    }

    [Fact]
    public void Apt_marks_the_dependencies_it_installed_from_files_as_automatic_again_but_never_keepalived_or_haproxy()
    {
        var libsnmp = new PackageFile("/pkgs/libsnmp40_5.9.3_amd64.deb", "libsnmp40_5.9.3_amd64.deb", 1, new string('4', 64), PackageFormat.Deb);

        var script = NodeScripts.InstallPackageFiles(PackageManager.Apt, [KeepalivedDeb, HaproxyDeb, libsnmp]);

        Assert.Contains("p=$(dpkg-deb -f '/var/cache/halb-deploy/packages/libsnmp40_5.9.3_amd64.deb' Package 2>/dev/null) && case \"$p\" in keepalived|haproxy) ;;", script);
        Assert.Contains("dpkg-query -W -f '${Status}' \"$p\" 2>/dev/null | grep -q ' installed$' || auto=\"$auto $p\"", script);
        Assert.True(script.IndexOf("apt-mark auto $auto", StringComparison.Ordinal) > script.IndexOf("apt-get install", StringComparison.Ordinal), "marked after the install");
        Assert.DoesNotContain("apt-mark", NodeScripts.InstallPackageFiles(PackageManager.Dnf, [HaproxyRpm]));
    }

    [Theory]
    [InlineData(PackageManager.Dnf, "dnf install -y -q --disablerepo='*' '/var/cache/halb-deploy/packages/haproxy-2.4.22-1.el9.x86_64.rpm'")]
    [InlineData(PackageManager.Yum, "yum localinstall -y -q --disablerepo='*' '/var/cache/halb-deploy/packages/haproxy-2.4.22-1.el9.x86_64.rpm'")]
    public void Rpm_nodes_install_the_uploaded_rpms_with_every_repository_disabled(PackageManager manager, string command)
    {
        Assert.Contains(command, NodeScripts.InstallPackageFiles(manager, [HaproxyRpm]));
    }

    [Fact]
    public void Every_copy_is_checked_against_the_digest_computed_on_the_control_host_before_anything_is_installed()
    {
        var script = NodeScripts.InstallPackageFiles(PackageManager.Apt, [KeepalivedDeb, HaproxyDeb]);

        var check = script.IndexOf($"= '{new string('2', 64)}' ] || {{ echo '@@halb bad-digest haproxy_2.6.12-1+deb12u4_amd64.deb'; bad=1; }}", StringComparison.Ordinal);
        var install = script.IndexOf("apt-get install", StringComparison.Ordinal);
        Assert.True(check > 0 && install > check, script);
        Assert.Contains("if [ \"$bad\" -ne 0 ]; then rm -rf '/var/cache/halb-deploy/packages'; exit 6; fi", script);
        Assert.True(script.LastIndexOf("rm -rf '/var/cache/halb-deploy/packages'", StringComparison.Ordinal) > install, "the copies are removed after the install, whatever its outcome");
    }

    [Fact]
    public void The_first_upload_script_starts_from_an_empty_root_owned_directory_and_later_ones_append()
    {
        var first = NodeScripts.UploadPackagePieces([new PackagePieceContent(new PackagePiece(HaproxyDeb, 0, 3), "abc"u8.ToArray())], startFresh: true);
        var later = NodeScripts.UploadPackagePieces([new PackagePieceContent(new PackagePiece(HaproxyDeb, 3, 3), "def"u8.ToArray())], startFresh: false);

        Assert.Contains("rm -rf '/var/cache/halb-deploy/packages' && install -d -m 0755 -o root -g root '/var/cache/halb-deploy' '/var/cache/halb-deploy/packages' || exit 5", first);
        Assert.Contains("base64 -d > '/var/cache/halb-deploy/packages/haproxy_2.6.12-1+deb12u4_amd64.deb' <<'HALB_EOF' || exit 5\nYWJj\nHALB_EOF", first);
        Assert.DoesNotContain("rm -rf", later);
        Assert.Contains("base64 -d >> '/var/cache/halb-deploy/packages/haproxy_2.6.12-1+deb12u4_amd64.deb' <<'HALB_EOF' || exit 5\nZGVm\nHALB_EOF", later);
    }
}
