using System.Text.RegularExpressions;

namespace HaLbDeploy.Core.Facts;

/// <summary>
/// Reads one "file PATH" section: "absent", or "stat MODE OWNER GROUP TYPE" (stat -c '%a %U %G %F', TYPE is
/// "regular file", "regular empty file", "directory", "symbolic link", ...) and, for a regular file,
/// "sha256 HEX  -" (sha256sum reading stdin).
/// </summary>
internal static partial class ManagedFileParser
{
    public static ManagedFileState Parse(string path, IEnumerable<string> values)
    {
        var lines = values.ToList();
        if (lines.Contains("absent")) return ManagedFileState.Absent(path);

        string? mode = null, owner = null, group = null, sha256 = null;
        var regular = false;
        foreach (var line in lines)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words is ["stat", var bits, var user, var grp, .. var type] && Octal().IsMatch(bits))
            {
                mode = bits.PadLeft(4, '0');
                owner = user;
                group = grp;
                regular = type.Length > 0 && type[0] == "regular";
            }
            else if (words is ["sha256", var digest, ..] && Sha256Hex().IsMatch(digest))
            {
                sha256 = digest.ToLowerInvariant();
                regular = true;
            }
        }
        return new ManagedFileState(path, true, regular, sha256, mode, owner, group);
    }

    [GeneratedRegex("^[0-7]{1,4}$")]
    private static partial Regex Octal();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
