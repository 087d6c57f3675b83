using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Cli.Commands;

/// <summary>Renders every node's configuration from the built-in templates or an override directory.</summary>
public static class DesiredConfigurations
{
    /// <summary>The rendered nodes, or null after printing the template error (a usage error: no host is touched).</summary>
    public static IReadOnlyList<NodeConfiguration>? RenderOrReport(Inventory inventory, DirectoryInfo? templates, TextWriter error)
    {
        try
        {
            var set = templates is not null ? TemplateSet.WithOverrides(new LocalTemplateDirectory(templates.FullName)) : TemplateSet.BuiltIn();
            return new ConfigurationRenderer(set).RenderAll(inventory);
        }
        catch (TemplateException e)
        {
            error.WriteLine($"error: {e.Message}");
            return null;
        }
    }
}
