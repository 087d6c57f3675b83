using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Core.Tests.Rendering;

public sealed class TemplateSetTests : IDisposable
{
    private readonly DirectoryInfo _overrides = Directory.CreateTempSubdirectory("halb-templates-");

    public void Dispose() => _overrides.Delete(recursive: true);

    [Fact]
    public void Built_in_templates_come_from_the_assembly()
    {
        var templates = TemplateSet.BuiltIn();
        Assert.All(TemplateNames.All, name => Assert.Equal(TemplateSet.BuiltInOrigin, templates.OriginOf(name)));
    }

    [Fact]
    public void Built_in_templates_are_the_files_in_playbooks_templates()
    {
        var inDirectory = Directory.EnumerateFiles(RepositoryRoot.Of("playbooks/templates"), "*.liquid").Select(Path.GetFileName).Order();
        Assert.Equal(TemplateNames.All.Order(), inDirectory);
    }

    [Fact]
    public void Overriding_a_template_from_a_directory_replaces_only_that_template()
    {
        var path = Write(TemplateNames.HaproxyConfig, "# custom for {{ cluster }}\nfrontend api\n    bind *:{{ frontend_port }}\n");

        var templates = TemplateSet.WithOverrides(new LocalTemplateDirectory(_overrides.FullName));
        var node = new ConfigurationRenderer(templates).RenderAll(ExampleInventory.Load())[0];

        Assert.Equal(path, templates.OriginOf(TemplateNames.HaproxyConfig));
        Assert.Equal(TemplateSet.BuiltInOrigin, templates.OriginOf(TemplateNames.KeepalivedConfig));
        Assert.Equal("# custom for k8s-recipe\nfrontend api\n    bind *:6443\n", node.File(NodePaths.HaproxyConfig).Content);
        Assert.Equal(Rendered.KeepalivedConfig(ExampleInventory.Load()), node.File(NodePaths.KeepalivedConfig).Content);
    }

    [Fact]
    public void An_override_with_windows_line_endings_and_trailing_blanks_still_renders_clean()
    {
        Write(TemplateNames.HaproxyConfig, "global   \r\n    maxconn 10\t\r\n\r\n\r\n");

        var content = new ConfigurationRenderer(TemplateSet.WithOverrides(new LocalTemplateDirectory(_overrides.FullName))).RenderAll(ExampleInventory.Load())[0]
            .File(NodePaths.HaproxyConfig).Content;

        Assert.Equal("global\n    maxconn 10\n", content);
    }

    [Fact]
    public void A_broken_override_template_gives_a_template_exception_with_the_template_name_and_line()
    {
        var path = Write(TemplateNames.KeepalivedConfig, "global_defs {\n    router_id {{ node.name }}\n{% if vrrp.strict %\n}\n");

        var error = Assert.Throws<TemplateException>(() => TemplateSet.WithOverrides(new LocalTemplateDirectory(_overrides.FullName)));

        Assert.Equal(TemplateNames.KeepalivedConfig, error.TemplateName);
        Assert.Equal(path, error.Origin);
        Assert.Contains("(3:", error.Detail, StringComparison.Ordinal);
        Assert.Contains(TemplateNames.KeepalivedConfig, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_naming_an_unknown_variable_fails_at_render_time_naming_the_template()
    {
        Write(TemplateNames.HaproxyCheckScript, "#!/bin/sh\n# {{ node.nmae }}\n");
        var renderer = new ConfigurationRenderer(TemplateSet.WithOverrides(new LocalTemplateDirectory(_overrides.FullName)));

        var error = Assert.Throws<TemplateException>(() => renderer.RenderAll(ExampleInventory.Load()));

        Assert.Equal(TemplateNames.HaproxyCheckScript, error.TemplateName);
        Assert.Contains("nmae", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_using_an_unknown_filter_fails_instead_of_passing_the_value_through()
    {
        Write(TemplateNames.HaproxyConfig, "bind *:{{ frontend_port | plus_one }}\n");
        var renderer = new ConfigurationRenderer(TemplateSet.WithOverrides(new LocalTemplateDirectory(_overrides.FullName)));

        var error = Assert.Throws<TemplateException>(() => renderer.RenderAll(ExampleInventory.Load()));
        Assert.Contains("plus_one", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_override_file_name_is_refused_rather_than_ignored()
    {
        Write("haproxy.conf.liquid", "global\n");

        var error = Assert.Throws<TemplateException>(() => TemplateSet.WithOverrides(new LocalTemplateDirectory(_overrides.FullName)));

        Assert.Equal("haproxy.conf.liquid", error.TemplateName);
        Assert.Contains(TemplateNames.HaproxyConfig, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_override_directory_is_an_error()
    {
        var missing = Path.Combine(_overrides.FullName, "nope");
        var error = Assert.Throws<TemplateException>(() => TemplateSet.WithOverrides(new LocalTemplateDirectory(missing)));
        Assert.Equal(missing, error.Origin);
        Assert.Equal($"template directory {missing} does not exist", error.Message);
    }

    [Fact]
    public void Files_that_are_not_templates_may_sit_beside_the_overrides()
    {
        Write("README.md", "notes");
        var templates = TemplateSet.WithOverrides(new LocalTemplateDirectory(_overrides.FullName));
        Assert.All(TemplateNames.All, name => Assert.Equal(TemplateSet.BuiltInOrigin, templates.OriginOf(name)));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_overrides.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
