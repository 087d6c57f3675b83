using System.Security.Cryptography;

namespace HaLbDeploy.Integration.Tests.Lab;

/// <summary>Host key fingerprints from the lab's OpenSSH known_hosts file (plain, unhashed lines).</summary>
public static class LabKnownHosts
{
    /// <summary>"SHA256:..." fingerprints pinned for <paramref name="address"/>, as <c>ssh-keygen -lf</c> prints them.</summary>
    public static IReadOnlyList<string> FingerprintsFor(string address, string knownHostsPath)
    {
        LabFacts.RequireFile(knownHostsPath);
        var result = new List<string>();
        foreach (var raw in File.ReadAllLines(knownHostsPath))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3 || !fields[0].Split(',').Contains(address))
            {
                continue;
            }

            result.Add(Fingerprint(fields[2]));
        }

        return result;
    }

    /// <summary>SHA-256 of the key blob, base64 without padding, with the "SHA256:" prefix.</summary>
    public static string Fingerprint(string base64KeyBlob) =>
        "SHA256:" + Convert.ToBase64String(SHA256.HashData(Convert.FromBase64String(base64KeyBlob))).TrimEnd('=');
}
