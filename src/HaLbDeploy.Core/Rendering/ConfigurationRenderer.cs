using System.Globalization;
using Fluid;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Rendering;

/// <summary>
/// Renders the files of each LB node from an inventory: haproxy.cfg, the haproxy check script, the VRRP notify script and keepalived.conf
/// (and, for the fast profile where the node's facts allow, the haproxy.service drop-in that feeds keepalived's track file).
/// Pure and byte-stable: the same inventory and templates always give the same bytes, with no time or host in them.
/// </summary>
public sealed class ConfigurationRenderer(TemplateSet templates)
{
    /// <summary>The options every render uses (internal for the tests of <see cref="TemplateMembers"/>).</summary>
    internal static readonly TemplateOptions Options = CreateOptions();

    public static ConfigurationRenderer WithBuiltInTemplates() => new(TemplateSet.BuiltIn());

    public IReadOnlyList<NodeConfiguration> RenderAll(Inventory inventory) =>
        inventory.Nodes.Select(node => Render(inventory, node)).ToList();

    /// <param name="facts">The node's facts, where known: the fast profile tracks haproxy by process and by track file where they allow it (<see cref="HaproxyTracking"/>).</param>
    public NodeConfiguration Render(Inventory inventory, LbNode node, Facts.NodeFacts? facts = null)
    {
        var trackFile = HaproxyTracking.UsesTrackFile(inventory, facts);
        var model = TemplateModelBuilder.Build(inventory, node, HaproxyTracking.UsesTrackProcess(inventory, facts), trackFile);
        var secret = inventory.Vrrp.AuthSecret?.Reveal();
        RenderedFile File(string path, string templateName, string mode)
        {
            var content = RenderTemplate(templateName, model);
            var containsSecret = secret is not null && content.Contains(secret, StringComparison.Ordinal);
            return new RenderedFile(path, content, mode, "root", "root", containsSecret);
        }

        // haproxy reads its config as root before dropping privileges, so 0644 is enough and lets operators
        // read it; keepalived.conf holds auth_pass and stays 0640. The scripts must not be writable by anyone
        // but root, or keepalived's enable_script_security refuses to run it.
        List<RenderedFile> metrics = inventory.Metrics is null ? [] : [File(NodePaths.HaproxyVrrpMetricsLua, TemplateNames.HaproxyVrrpMetricsLua, "0644")];
        List<RenderedFile> dropIn = trackFile ? [File(NodePaths.HaproxyTrackDropIn, TemplateNames.HaproxyTrackDropIn, "0644")] : [];
        return new NodeConfiguration(node,
        [
            File(NodePaths.HaproxyConfig, TemplateNames.HaproxyConfig, "0644"),
            .. metrics,
            File(NodePaths.HaproxyCheckScript, TemplateNames.HaproxyCheckScript, "0755"),
            File(NodePaths.VrrpNotifyScript, TemplateNames.VrrpNotifyScript, "0755"),
            .. dropIn,
            File(NodePaths.KeepalivedConfig, TemplateNames.KeepalivedConfig, "0640"),
        ]);
    }

    private string RenderTemplate(string templateName, TemplateModel model)
    {
        var loaded = templates.Get(templateName);
        try
        {
            return OutputNormalizer.Normalize(loaded.Template.Render(new TemplateContext(model, Options)));
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException)
        {
            throw new TemplateException(loaded.Name, loaded.Origin, e.Message, e);
        }
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            // A misspelt variable or filter must fail loudly, never render as an empty string in a config.
            StrictVariables = true,
            StrictFilters = true,
            // "-%}" eats only the rest of its own line, so a tag on a line of its own leaves no blank line.
            Greedy = false,
            CultureInfo = CultureInfo.InvariantCulture,
            MaxSteps = 100_000,
        };
        // The model's members one by one, with plain getters: Fluid never reflects over the model's types, so what
        // the templates read does not depend on what the trimmer keeps (docs/performance.md, "Native AOT").
        TemplateMembers.RegisterAll(options.MemberAccessStrategy);
        return options;
    }
}
