using Fluid;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Core.Rendering;

/// <summary>
/// The parsed templates a <see cref="ConfigurationRenderer"/> renders from: the built-in copies embedded in this
/// assembly, optionally replaced file by file from a user's directory. Every template is parsed on load, so a
/// broken one fails before any node is touched.
/// </summary>
public sealed class TemplateSet
{
    public const string BuiltInOrigin = "built-in";

    private const string TemplateFolder = "templates/";

    private readonly IReadOnlyDictionary<string, LoadedTemplate> _templates;

    private TemplateSet(IReadOnlyDictionary<string, LoadedTemplate> templates) => _templates = templates;

    /// <summary>The templates shipped with halb-deploy.</summary>
    public static TemplateSet BuiltIn()
    {
        var parser = new FluidParser();
        return new TemplateSet(TemplateNames.All.ToDictionary(name => name, name => Parse(parser, name, BuiltInOrigin, ReadBuiltIn(name)), StringComparer.Ordinal));
    }

    /// <summary>
    /// Templates from <paramref name="directory"/> where a file of the same name exists, the built-in ones
    /// otherwise. A *.liquid file with any other name is refused: it is most likely a misspelt override that
    /// would otherwise be ignored without a word.
    /// </summary>
    public static TemplateSet WithOverrides(ITemplateDirectory directory)
    {
        if (!directory.Exists) throw TemplateException.MissingDirectory(directory.FullPath);
        var unknown = directory.LiquidFileNames()
            .Where(name => !TemplateNames.All.Contains(name, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (unknown is not null)
        {
            throw new TemplateException(unknown, Path.Combine(directory.FullPath, unknown),
                $"is not a template halb-deploy renders; the templates are {string.Join(", ", TemplateNames.All)}");
        }

        var parser = new FluidParser();
        var templates = new Dictionary<string, LoadedTemplate>(StringComparer.Ordinal);
        foreach (var name in TemplateNames.All)
        {
            var path = Path.Combine(directory.FullPath, name);
            templates[name] = ReadOverride(directory, name, path) is { } text
                ? Parse(parser, name, path, text)
                : Parse(parser, name, BuiltInOrigin, ReadBuiltIn(name));
        }
        return new TemplateSet(templates);
    }

    /// <summary>"built-in" or the full path of the override file the template was read from.</summary>
    public string OriginOf(string templateName) => Get(templateName).Origin;

    internal LoadedTemplate Get(string templateName) =>
        _templates.TryGetValue(templateName, out var template)
            ? template
            : throw new ArgumentException($"no template named {templateName}", nameof(templateName));

    private static LoadedTemplate Parse(FluidParser parser, string name, string origin, string text)
    {
        if (!parser.TryParse(text, out var template, out var error))
            throw new TemplateException(name, origin, error);
        return new LoadedTemplate(name, origin, template);
    }

    private static string? ReadOverride(ITemplateDirectory directory, string name, string path)
    {
        try
        {
            return directory.ReadText(name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TemplateException(name, path, $"cannot be read: {e.Message}", e);
        }
    }

    private static string ReadBuiltIn(string name) => PlaybookFiles.Read(TemplateFolder + name);
}
