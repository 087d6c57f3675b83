namespace HaLbDeploy.Core.Rendering;

/// <summary>
/// The deployable content under playbooks/ (templates, and the small programs node scripts hand to an interpreter on
/// the node), embedded in this assembly so that every build carries the exact files of its commit.
/// </summary>
public static class PlaybookFiles
{
    /// <summary>The text of playbooks/<paramref name="relativePath"/>, e.g. "templates/haproxy.cfg.liquid".</summary>
    public static string Read(string relativePath)
    {
        var name = "playbooks/" + relativePath;
        using var stream = typeof(PlaybookFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in {typeof(PlaybookFiles).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
