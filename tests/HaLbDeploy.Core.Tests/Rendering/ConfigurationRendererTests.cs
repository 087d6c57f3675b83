using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Core.Tests.Rendering;

public sealed class ConfigurationRendererTests
{
    private readonly ConfigurationRenderer _renderer = ConfigurationRenderer.WithBuiltInTemplates();

    [Fact]
    public void Rendering_twice_gives_identical_bytes()
    {
        var first = _renderer.RenderAll(ExampleInventory.Load());
        var second = new ConfigurationRenderer(TemplateSet.BuiltIn()).RenderAll(ExampleInventory.Load());

        Assert.Equal(first.SelectMany(n => n.Files).Select(f => f.Content), second.SelectMany(n => n.Files).Select(f => f.Content));
    }

    [Fact]
    public void Every_node_of_the_inventory_is_rendered_in_inventory_order()
    {
        var nodes = _renderer.RenderAll(ExampleInventory.Load());
        Assert.Equal(["lb1", "lb2", "lb3"], nodes.Select(n => n.Node.Name));
    }

    [Fact]
    public void Each_node_gets_haproxy_config_then_check_script_then_notify_script_then_keepalived_config()
    {
        var files = _renderer.RenderAll(ExampleInventory.Load())[0].Files;
        Assert.Equal([NodePaths.HaproxyConfig, NodePaths.HaproxyCheckScript, NodePaths.VrrpNotifyScript, NodePaths.KeepalivedConfig], files.Select(f => f.Path));
    }

    [Fact]
    public void Files_get_root_ownership_and_the_modes_their_services_need()
    {
        var files = _renderer.RenderAll(ExampleInventory.Load())[0].Files.ToDictionary(f => f.Path);

        Assert.Equal(("0644", "root", "root", false), Describe(files[NodePaths.HaproxyConfig]));
        Assert.Equal(("0755", "root", "root", false), Describe(files[NodePaths.HaproxyCheckScript]));
        Assert.Equal(("0755", "root", "root", false), Describe(files[NodePaths.VrrpNotifyScript]));
        Assert.Equal(("0640", "root", "root", true), Describe(files[NodePaths.KeepalivedConfig]));
    }

    [Fact]
    public void Every_file_opens_with_the_managed_header_and_no_timestamp()
    {
        foreach (var file in _renderer.RenderAll(ExampleInventory.Load()).SelectMany(n => n.Files))
        {
            var lines = file.Content.Split('\n');
            var header = lines[0].StartsWith("#!", StringComparison.Ordinal) ? lines[1] : lines[0];
            Assert.Equal("# Managed by halb-deploy; local edits are overwritten", header);
            Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}", file.Content);
        }
    }

    [Fact]
    public void Output_has_lf_line_endings_no_trailing_blanks_and_ends_with_exactly_one_newline()
    {
        foreach (var file in _renderer.RenderAll(ExampleInventory.Load()).SelectMany(n => n.Files))
        {
            Assert.DoesNotContain('\r', file.Content);
            Assert.EndsWith("\n", file.Content, StringComparison.Ordinal);
            Assert.False(file.Content.EndsWith("\n\n", StringComparison.Ordinal), $"{file.Path} ends with a blank line");
            Assert.All(file.Content.Split('\n'), line => Assert.False(line.EndsWith(' ') || line.EndsWith('\t'), $"{file.Path}: trailing blank in '{line}'"));
            Assert.DoesNotContain("\n\n\n", file.Content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_rendered_file_never_prints_its_content()
    {
        var keepalived = _renderer.RenderAll(ExampleInventory.Load())[0].File(NodePaths.KeepalivedConfig);

        Assert.Contains("k8sVip01", keepalived.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("k8sVip01", keepalived.ToString(), StringComparison.Ordinal);
        Assert.Contains("contains a secret", keepalived.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_keepalived_config_holds_the_secret()
    {
        var files = _renderer.RenderAll(ExampleInventory.Load()).SelectMany(n => n.Files).ToList();
        Assert.All(files.Where(f => f.Path != NodePaths.KeepalivedConfig), f => Assert.DoesNotContain("k8sVip01", f.Content, StringComparison.Ordinal));
    }

    [Fact]
    public void A_node_outside_the_inventory_is_refused()
    {
        var inventory = ExampleInventory.Load();
        var stranger = inventory.Nodes[0] with { Name = "lb9" };
        var error = Assert.Throws<ArgumentException>(() => _renderer.Render(inventory, stranger));
        Assert.Contains("lb9", error.Message, StringComparison.Ordinal);
    }

    private static (string, string, string, bool) Describe(RenderedFile file) => (file.Mode, file.Owner, file.Group, file.ContainsSecret);
}
