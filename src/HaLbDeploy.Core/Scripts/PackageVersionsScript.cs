using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Rendering;
using static HaLbDeploy.Core.Scripts.ScriptKit;

namespace HaLbDeploy.Core.Scripts;

/// <summary>
/// Reads the installed and the candidate version of keepalived and haproxy, whether each is held (apt-mark hold,
/// dnf/yum versionlock) and whether halb-deploy's record names that hold (<see cref="NodePaths.PackageHoldsRecord"/>),
/// and every version the repositories offer: "@@halb package NAME installed=V candidate=V held=yes|no ours=yes|no"
/// (empty: none) and "@@halb available NAME V" lines. dpkg's status of a held package begins "hold", not "install"
/// ("hold ok installed"): both are installed. The repositories' lists are refreshed first
/// (apt-get update, makecache), else a newer package in a repository would not be seen; nothing else changes.
/// </summary>
public static class PackageVersionsScript
{
    public const string Description = "read package versions";
    private const string Marker = ScriptMarkers.Prefix + "package ";
    private const string AvailableMarker = ScriptMarkers.Prefix + "available ";

    public static string For(PackageManager manager)
    {
        var (refresh, installed, candidate, available, held) = manager switch
        {
            PackageManager.Apt => ("apt-get update -q >/dev/null 2>&1 || true\n",
                "dpkg-query -W -f '${Status} ${Version}' \"$p\" 2>/dev/null | sed -n 's/^[a-z]* ok installed //p'",
                "apt-cache policy \"$p\" 2>/dev/null | sed -n 's/^ *Candidate: *//p' | grep -v '^(none)$'",
                "apt-cache madison \"$p\" 2>/dev/null | awk -F'|' '{ gsub(/ /, \"\", $2); print $2 }'",
                "apt-mark showhold \"$p\" 2>/dev/null | grep -qx \"$p\""),
            PackageManager.Dnf or PackageManager.Yum => RpmCommands(RpmTool(manager)),
            _ => throw new ArgumentException("no package manager to read versions with", nameof(manager)),
        };
        var body = ReadPrelude + refresh +
                   $"for p in {string.Join(' ', NodePlanner.Packages)}; do\n" +
                   $"  i=$({installed}) || i=''\n" +
                   $"  c=$({candidate}) || c=''\n" +
                   $"  [ -n \"$c\" ] || c=\"$i\"\n" +
                   $"  if {held}; then h=yes; else h=no; fi\n" +
                   $"  if grep -qx \"$p\" {Quote(NodePaths.PackageHoldsRecord)} 2>/dev/null; then o=yes; else o=no; fi\n" +
                   $"  echo \"{Marker}$p installed=$i candidate=$c held=$h ours=$o\"\n" +
                   $"  {available} | while read -r v; do [ -n \"$v\" ] && echo \"{AvailableMarker}$p $v\"; done\n" +
                   "done\n" + ExitZero;
        return AsFunction("halb_versions", body);
    }

    private static (string, string, string, string, string) RpmCommands(string tool)
    {
        var list = $"{tool} -q list available --showduplicates \"$p\" 2>/dev/null | awk -v p=\"$p\" 'index($1, p \".\") == 1 {{ print $2 }}'";
        return ($"{tool} -q makecache >/dev/null 2>&1 || true\n",
            "rpm -q --qf '%{EPOCHNUM}:%{VERSION}-%{RELEASE}' \"$p\" 2>/dev/null | grep -v 'not installed'",
            list + " | tail -n 1",
            list,
            $"{tool} -q versionlock list 2>/dev/null | grep -q \"^\\(0:\\)\\?$p-[0-9]\"");
    }

    public static IReadOnlyList<PackageVersions> Parse(string output)
    {
        var available = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var versions = new List<PackageVersions>();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith(AvailableMarker, StringComparison.Ordinal) && line[AvailableMarker.Length..].Trim().Split(' ') is [var name, var version])
            {
                (available.TryGetValue(name, out var list) ? list : available[name] = []).Add(version);
                continue;
            }
            if (!line.StartsWith(Marker, StringComparison.Ordinal)) continue;
            var words = line[Marker.Length..].Trim().Split(' ');
            if (words.Length < 3) continue;
            versions.Add(new PackageVersions(words[0], Value(words[1], "installed="), Value(words[2], "candidate=")) { Held = words.Length > 3 && words[3] == "held=yes", HeldByHalb = words.Length > 4 && words[4] == "ours=yes" });
        }
        return versions.Select(v => v with { Available = available.GetValueOrDefault(v.Package) ?? [] }).ToList();
    }

    private static string? Value(string word, string key) =>
        word.StartsWith(key, StringComparison.Ordinal) && word.Length > key.Length ? word[key.Length..] : null;
}
