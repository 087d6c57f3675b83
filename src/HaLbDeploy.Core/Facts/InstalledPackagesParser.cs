namespace HaLbDeploy.Core.Facts;

/// <summary>
/// Reads the installed versions from either package database:
/// dpkg-query -W -f '${Package} ${Status} ${Version}\n' prints "haproxy install ok installed 2.6.12-1+deb12u1"
/// (only a third status word "installed" counts: "deinstall ok config-files" means removed, configuration kept);
/// rpm -q --qf '%{NAME} %{VERSION}-%{RELEASE}\n' prints "keepalived 1.3.5-19.el7" or, on stdout too,
/// "package haproxy is not installed".
/// </summary>
internal static class InstalledPackagesParser
{
    public static IReadOnlyDictionary<string, string> Parse(string via, IEnumerable<string> lines)
    {
        var installed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var (name, version) = via switch
            {
                "dpkg" when words.Length == 5 && words[3] == "installed" => (words[0], words[4]),
                "rpm" when words.Length == 2 && words[1] != "(none)" => (words[0], words[1]),
                _ => (null, null),
            };
            if (name is not null && version is not null) installed.TryAdd(name, version);
        }
        return installed;
    }
}
