using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Planning;
using static HaLbDeploy.Core.Scripts.ScriptKit;

namespace HaLbDeploy.Core.Scripts;

/// <summary>
/// Reads the installed and the candidate version of keepalived and haproxy, one "@@halb package NAME installed=V
/// candidate=V" line each (empty: none). The repositories' lists are refreshed first (apt-get update, dnf --refresh),
/// else a newer package in a repository would not be seen; nothing else on the node changes.
/// </summary>
public static class PackageVersionsScript
{
    public const string Description = "read package versions";
    private const string Marker = ScriptMarkers.Prefix + "package ";

    public static string For(PackageManager manager)
    {
        var (refresh, installed, candidate) = manager switch
        {
            PackageManager.Apt => ("apt-get update -q >/dev/null 2>&1 || true\n",
                "dpkg-query -W -f '${Status} ${Version}' \"$p\" 2>/dev/null | sed -n 's/^install ok installed //p'",
                "apt-cache policy \"$p\" 2>/dev/null | sed -n 's/^ *Candidate: *//p' | grep -v '^(none)$'"),
            PackageManager.Dnf or PackageManager.Yum => (manager == PackageManager.Dnf ? "dnf -q makecache >/dev/null 2>&1 || true\n" : "yum -q makecache >/dev/null 2>&1 || true\n",
                "rpm -q --qf '%{EPOCHNUM}:%{VERSION}-%{RELEASE}' \"$p\" 2>/dev/null | grep -v 'not installed'",
                $"{(manager == PackageManager.Dnf ? "dnf" : "yum")} -q list available --showduplicates \"$p\" 2>/dev/null | awk -v p=\"$p\" 'index($1, p \".\") == 1 {{ v = $2 }} END {{ if (v != \"\") print v }}'"),
            _ => throw new ArgumentException("no package manager to read versions with", nameof(manager)),
        };
        var body = ReadPrelude + refresh +
                   $"for p in {string.Join(' ', NodePlanner.Packages)}; do\n" +
                   $"  i=$({installed}) || i=''\n" +
                   $"  c=$({candidate}) || c=''\n" +
                   $"  [ -n \"$c\" ] || c=\"$i\"\n" +
                   $"  echo \"{Marker}$p installed=$i candidate=$c\"\n" +
                   "done\n" + ExitZero;
        return AsFunction("halb_versions", body);
    }

    public static IReadOnlyList<PackageVersions> Parse(string output)
    {
        var versions = new List<PackageVersions>();
        foreach (var line in output.Split('\n'))
        {
            if (!line.StartsWith(Marker, StringComparison.Ordinal)) continue;
            var words = line[Marker.Length..].Trim().Split(' ');
            if (words.Length != 3) continue;
            versions.Add(new PackageVersions(words[0], Value(words[1], "installed="), Value(words[2], "candidate=")));
        }
        return versions;
    }

    private static string? Value(string word, string key) =>
        word.StartsWith(key, StringComparison.Ordinal) && word.Length > key.Length ? word[key.Length..] : null;
}
