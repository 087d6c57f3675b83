namespace HaLbDeploy.Core.Facts;

/// <summary>
/// The fact script's standard output cut into sections. Lines before the first section header (a login banner,
/// a stray message) belong to no section and are dropped; a repeated section (one per managed file) is kept each
/// time.
/// </summary>
internal sealed class FactOutput
{
    private FactOutput(IReadOnlyList<FactSection> sections, bool complete, int? formatVersion)
    {
        Sections = sections;
        Complete = complete;
        FormatVersion = formatVersion;
    }

    public IReadOnlyList<FactSection> Sections { get; }

    /// <summary>The end marker was seen.</summary>
    public bool Complete { get; }

    public int? FormatVersion { get; }

    public static FactOutput Read(string stdout)
    {
        var sections = new List<FactSection>();
        var complete = false;
        int? format = null;
        string? name = null, argument = null;
        var lines = new List<string>();

        foreach (var raw in stdout.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith(FactSections.SectionPrefix, StringComparison.Ordinal))
            {
                Close();
                // The argument (a managed path) is kept exactly as printed: only the name is cut at the first space.
                var header = line[FactSections.SectionPrefix.Length..];
                var space = header.IndexOf(' ');
                (name, argument) = space < 0 ? (header, "") : (header[..space], header[(space + 1)..]);
            }
            else if (line.Trim() == FactSections.End)
            {
                Close();
                complete = true;
            }
            else if (line.StartsWith(FactSections.FormatPrefix, StringComparison.Ordinal))
            {
                if (int.TryParse(line[FactSections.FormatPrefix.Length..].Trim(), out var version)) format = version;
            }
            else if (name is not null)
            {
                lines.Add(line);
            }
        }
        Close();
        return new FactOutput(sections, complete, format);

        void Close()
        {
            if (name is not null) sections.Add(new FactSection(name, argument ?? "", lines.ToArray()));
            name = null;
            argument = null;
            lines.Clear();
        }
    }

    /// <summary>The first section of that name, or null.</summary>
    public FactSection? Section(string name) => Sections.FirstOrDefault(s => s.Name == name);

    public IEnumerable<FactSection> AllSections(string name) => Sections.Where(s => s.Name == name);
}
