using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HaLbDeploy.Packaging.Tests.TestSupport;

namespace HaLbDeploy.Packaging.Tests;

[Collection(PackagingCollection.Name)]
[Trait("Category", "Packaging")]
public sealed partial class ToolPackageTests(PackagedArtifacts artifacts)
{
    [Fact]
    public void Packaging_makes_exactly_the_tool_package_and_the_single_file_and_prints_each_with_its_digest()
    {
        artifacts.RequirePackaged();

        Assert.Equal([Path.GetFileName(artifacts.ToolPackage), Path.GetFileName(artifacts.SingleFile)],
            Directory.GetFiles(artifacts.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Matches($@"HaLbDeploy\.{Regex.Escape(artifacts.Version)}\.nupkg +\S+ +sha256 [0-9a-f]{{64}}", artifacts.Package.Output);
        Assert.Matches($@"halb-deploy-{Regex.Escape(artifacts.Version)}-linux-x64 +\S+ +sha256 [0-9a-f]{{64}}", artifacts.Package.Output);
    }

    [Fact]
    public void The_tool_package_carries_a_description_the_MIT_licence_and_the_readme_and_names_no_repository()
    {
        artifacts.RequirePackaged();
        using var package = ZipFile.OpenRead(artifacts.ToolPackage);

        using var nuspecStream = package.GetEntry("HaLbDeploy.nuspec")!.Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? "";

        Assert.Equal(("HaLbDeploy", artifacts.Version, "MIT", "README.md"), (Field("id"), Field("version"), Field("license"), Field("readme")));
        Assert.Contains("keepalived", Field("description"));
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName is "repository" or "projectUrl");
        Assert.Contains("DotnetTool", metadata.ToString());
        Assert.NotNull(package.GetEntry("README.md"));
        Assert.Contains(package.Entries, e => e.FullName.EndsWith("/halb-deploy.dll", StringComparison.Ordinal));
    }

    [Fact]
    public void The_tool_installed_offline_from_the_local_package_prints_the_bare_version()
    {
        artifacts.RequireInstalled();

        var run = ExternalProcess.Run(artifacts.InstalledTool, ["--version"], TimeSpan.FromSeconds(30));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(artifacts.Version, run.Output.Trim());
    }

    [Fact]
    public void The_installed_tool_shows_help_with_every_command_and_the_exit_codes()
    {
        artifacts.RequireInstalled();

        var run = ExternalProcess.Run(artifacts.InstalledTool, ["--help"], TimeSpan.FromSeconds(30));

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var command in new[] { "validate", "render", "plan", "apply" }) Assert.Contains($"  {command} ", run.Output);
        Assert.Contains("Exit codes: 0 ok", run.Output);
    }

    [Fact]
    public void Bash_completes_a_command_with_the_function_from_getting_started()
    {
        artifacts.RequireInstalled();
        var function = CompletionFunction().Match(File.ReadAllText(RepositoryRoot.Of("docs/getting-started.md"))).Groups["code"].Value;
        Assert.Contains("complete ", function);
        const string line = "halb-deploy ap";

        var run = ExternalProcess.Run("bash", ["-c", function + $"\nCOMP_LINE='{line}'; COMP_POINT={line.Length}; COMP_WORDS=(halb-deploy ap); COMP_CWORD=1\n_halb_deploy\nprintf '%s\\n' \"${{COMPREPLY[@]}}\""],
            TimeSpan.FromSeconds(30), new Dictionary<string, string> { ["PATH"] = artifacts.ToolPath + ":" + Environment.GetEnvironmentVariable("PATH") });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("apply", run.Output.Trim());
    }

    [GeneratedRegex("```bash\n(?<code>_halb_deploy\\(\\)[^`]*)```")]
    private static partial Regex CompletionFunction();
}
