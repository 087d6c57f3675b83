namespace HaLbDeploy.Core.Rendering;

/// <summary>
/// A template that cannot be used: it does not parse, fails to render, has a name no template has, or its
/// override directory is missing. Named by file and origin (built-in or an override path).
/// </summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string templateName, string origin, string detail, Exception? inner = null)
        : this($"template {templateName} ({origin}): {detail}", templateName, origin, detail, inner)
    {
    }

    private TemplateException(string message, string templateName, string origin, string detail, Exception? inner)
        : base(message, inner)
    {
        TemplateName = templateName;
        Origin = origin;
        Detail = detail;
    }

    /// <summary>The template's file name, e.g. haproxy.cfg.liquid; empty when the whole directory is missing.</summary>
    public string TemplateName { get; }

    /// <summary>"built-in", the full path of the override file, or the missing override directory.</summary>
    public string Origin { get; }

    /// <summary>Fluid's own message; parse errors carry the position as "(line:column)".</summary>
    public string Detail { get; }

    internal static TemplateException MissingDirectory(string directory) =>
        new($"template directory {directory} does not exist", "", directory, "does not exist", null);
}
