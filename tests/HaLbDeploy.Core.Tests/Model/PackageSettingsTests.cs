using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Model;

public sealed class PackageSettingsTests
{
    [Fact]
    public void Without_a_packages_section_keepalived_and_haproxy_come_from_the_nodes_repositories()
    {
        var inventory = Inventories.Load(Inventories.Valid).Inventory!;

        Assert.Equal(PackageSource.Repository, inventory.Packages.Source);
        Assert.Empty(inventory.Packages.Files);
    }

    [Fact]
    public void Package_files_load_with_their_absolute_path_name_size_and_digest_computed_even_where_none_is_written()
    {
        var result = Inventories.Load(Inventories.Valid + Inventories.FilesSection, Inventories.WithPackageFiles());

        Assert.Empty(result.Problems);
        var packages = result.Inventory!.Packages;
        Assert.Equal(PackageSource.Files, packages.Source);
        Assert.Equal(
            [
                new PackageFile("/inv/pkgs/keepalived_2.2.7-1_amd64.deb", "keepalived_2.2.7-1_amd64.deb", 18, "dff3e914acbfbc88c3e5038a70098cb49b72430ee9aedc59d0c6e5cd57aab748", PackageFormat.Deb),
                new PackageFile("/inv/pkgs/haproxy_2.6.12-1_amd64.deb", "haproxy_2.6.12-1_amd64.deb", 15, "dd9763ef863aea14af0a3bba491d85f44d8e37014dc12a13c44ca18883108a5e", PackageFormat.Deb),
            ],
            packages.Files);
    }

    [Fact]
    public void A_digest_written_in_capitals_matches_the_same_digest_in_small_letters()
    {
        var yaml = Inventories.Valid + Inventories.FilesSection.Replace("dff3e914acbfbc88c3e5038a70098cb49b72430ee9aedc59d0c6e5cd57aab748", "DFF3E914ACBFBC88C3E5038A70098CB49B72430EE9AEDC59D0C6E5CD57AAB748", StringComparison.Ordinal);

        var result = Inventories.Load(yaml, Inventories.WithPackageFiles());

        Assert.Empty(result.Problems);
        Assert.Equal("dff3e914acbfbc88c3e5038a70098cb49b72430ee9aedc59d0c6e5cd57aab748", result.Inventory!.Packages.Files[0].Sha256);
    }

    [Fact]
    public void Deb_and_rpm_files_can_be_listed_together_and_each_node_gets_the_ones_of_its_format()
    {
        var yaml = Inventories.Valid + Inventories.FilesSection +
            "\n    - path: pkgs/keepalived-2.2.8-3.el9.x86_64.rpm\n    - path: /inv/pkgs/haproxy-2.4.22-1.el9.x86_64.rpm";

        var result = Inventories.Load(yaml, Inventories.WithPackageFiles());

        Assert.Empty(result.Problems);
        var packages = result.Inventory!.Packages;
        Assert.Equal(["keepalived_2.2.7-1_amd64.deb", "haproxy_2.6.12-1_amd64.deb"], packages.FilesOf(PackageFormat.Deb).Select(f => f.FileName));
        Assert.Equal(["keepalived-2.2.8-3.el9.x86_64.rpm", "haproxy-2.4.22-1.el9.x86_64.rpm"], packages.FilesOf(PackageFormat.Rpm).Select(f => f.FileName));
    }

    [Fact]
    public void A_package_path_under_the_home_directory_is_read_from_there()
    {
        var environment = Inventories.WithPackageFiles();
        environment.BinaryFiles["/home/tester/pkgs/haproxy_2.6.12-1_amd64.deb"] = "haproxy package"u8.ToArray();
        var yaml = Inventories.Valid + Inventories.FilesSection.Replace("- path: pkgs/haproxy", "- path: ~/pkgs/haproxy", StringComparison.Ordinal);

        var result = Inventories.Load(yaml, environment);

        Assert.Empty(result.Problems);
        Assert.Equal("/home/tester/pkgs/haproxy_2.6.12-1_amd64.deb", result.Inventory!.Packages.Files[1].LocalPath);
    }
}
