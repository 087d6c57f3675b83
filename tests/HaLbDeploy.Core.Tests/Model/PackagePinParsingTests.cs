using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Model;

/// <summary>`packages.pin`, as <see cref="HaLbDeploy.Core.Model.InventoryParser"/> reads and checks it.</summary>
public sealed class PackagePinParsingTests
{
    [Fact]
    public void Pins_load_as_exact_versions_or_prefixes()
    {
        var result = Inventories.Load(Inventories.Valid + "\npackages:\n  pin:\n    keepalived: \"2.2.7-1*\"\n    haproxy: \"2.6.12-1\"\n");

        Assert.Empty(result.Problems);
        Assert.Equal([new PackagePin("keepalived", "2.2.7-1*"), new PackagePin("haproxy", "2.6.12-1")], result.Inventory!.Packages.Pins);
    }

    [Fact]
    public void Without_a_pin_there_are_none() =>
        Assert.Empty(Inventories.Load(Inventories.Valid).Inventory!.Packages.Pins);

    [Theory]
    [InlineData("latest")]
    [InlineData("2.6.12-1 ; reboot")]
    [InlineData("2.*.1")]
    public void A_pin_that_is_no_version_is_refused_with_its_position_and_a_fix(string pattern)
    {
        var yaml = Inventories.Valid + $"\npackages:\n  pin:\n    haproxy: \"{pattern}\"\n";
        var lines = yaml.Split('\n');

        var error = Assert.Single(Inventories.Load(yaml).Problems, p => p.IsError);

        Assert.Equal(("bad-pin", "packages.pin.haproxy"), (error.Code, error.Field));
        Assert.Equal(Array.FindIndex(lines, l => l.Contains("haproxy: ", StringComparison.Ordinal)) + 1, error.Line);
        Assert.True(error.Column > 1);
        Assert.Contains("prefix ending in *", error.Fix);
    }

    [Fact]
    public void A_pin_of_another_package_is_an_unknown_key()
    {
        var error = Assert.Single(Inventories.Load(Inventories.Valid + "\npackages:\n  pin:\n    nginx: \"1.22\"\n").Problems, p => p.IsError);

        Assert.Equal("packages.pin.nginx", error.Field);
    }

    [Fact]
    public void A_pin_with_package_files_is_refused()
    {
        var result = Inventories.Load(Inventories.Valid + Inventories.FilesSection + "\n  pin:\n    haproxy: \"2.6.12-1\"\n", Inventories.WithPackageFiles());

        var error = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal(("pin-with-files", "packages.pin"), (error.Code, error.Field));
    }
}
