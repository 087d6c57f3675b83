using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Cli.Commands;

/// <summary>Renders every node's configuration from the built-in templates or an override directory.</summary>
public static class DesiredConfigurations
{
    /// <summary>The rendered nodes, or null after printing the template error (a usage error: no host is touched).</summary>
    public static IReadOnlyList<NodeConfiguration>? RenderOrReport(Inventory inventory, DirectoryInfo? templates, TextWriter error) =>
        OrReport(error, () => Renderer(templates).RenderAll(inventory));

    /// <summary>As <see cref="RenderOrReport"/>, with the files that carry the VRRP secret known (see <see cref="SecretBearingFiles"/>).</summary>
    public static RenderedForReview? RenderForReviewOrReport(Inventory inventory, DirectoryInfo? templates, TextWriter error) =>
        OrReport(error, () =>
        {
            var renderer = Renderer(templates);
            var nodes = renderer.RenderAll(inventory);
            return new RenderedForReview(nodes, SecretBearingFiles.Of(renderer, inventory, nodes));
        });

    /// <summary>The renderer apply and plan use again once a node's facts are in (see <see cref="Runtime.Apply.ConvergeOptions.RenderWithFacts"/>).</summary>
    public static ConfigurationRenderer Renderer(DirectoryInfo? templates) =>
        new(templates is not null ? TemplateSet.WithOverrides(new LocalTemplateDirectory(templates.FullName)) : TemplateSet.BuiltIn());

    private static T? OrReport<T>(TextWriter error, Func<T> render) where T : class
    {
        try
        {
            return render();
        }
        catch (TemplateException e)
        {
            error.WriteLine($"error: {e.Message}");
            return null;
        }
    }
}
