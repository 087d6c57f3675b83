using System.Text;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>
/// An OpenSSH known_hosts file: plain host patterns (with [host]:port and comma lists), hashed names (|1|salt|hash)
/// @revoked and @cert-authority lines. Malformed lines are skipped, each with a note.
/// </summary>
public sealed class KnownHostsFile
{
    private KnownHostsFile(string path, IReadOnlyList<KnownHostEntry> entries, IReadOnlyList<string> notes)
    {
        Path = path;
        Entries = entries;
        Notes = notes;
    }

    public string Path { get; }

    public IReadOnlyList<KnownHostEntry> Entries { get; }

    /// <summary>One line per skipped line, e.g. "line 4: @cert-authority is not supported, skipped".</summary>
    public IReadOnlyList<string> Notes { get; }

    public static KnownHostsFile Empty(string path) => new(path, [], []);

    /// <summary>
    /// known_hosts is read only when it is a regular file of at most this size (like every input file): a line is a
    /// few hundred bytes, so this holds tens of thousands of hosts.
    /// </summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Reads the file; a file that does not exist yet is empty. A symbolic link or a file others can write is refused
    /// with <see cref="KnownHostsRefusedException"/> (see <see cref="KnownHostsFileSafety"/>), and so is anything but a
    /// regular file of at most <see cref="MaxBytes"/> (a FIFO would block the read, /dev/zero never end it).
    /// </summary>
    public static KnownHostsFile Load(string path)
    {
        KnownHostsFileSafety.Check(path);
        var read = SystemInventoryEnvironment.Instance.ReadBytes(path, MaxBytes);
        return read.Status switch
        {
            LocalFileReadStatus.Read => Parse(Encoding.UTF8.GetString(read.Bytes), path),
            LocalFileReadStatus.Missing => Empty(path),
            _ => throw KnownHostsFileSafety.NotARegularFile(path, read, MaxBytes),
        };
    }

    public static KnownHostsFile Parse(string text, string path)
    {
        var entries = new List<KnownHostEntry>();
        var notes = new List<string>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var entry = ParseLine(line, lineNumber, out var note);
            if (entry is not null) entries.Add(entry);
            if (note is not null) notes.Add($"line {lineNumber}: {note}");
        }
        return new KnownHostsFile(path, entries, notes);
    }

    /// <summary>The entries whose host field names host:port, in file order.</summary>
    public IReadOnlyList<KnownHostEntry> EntriesFor(string host, int port) =>
        Entries.Where(e => e.Names(host, port)).ToList();

    private static KnownHostEntry? ParseLine(string line, int lineNumber, out string? note)
    {
        note = null;
        var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var marker = KnownHostMarker.None;
        var first = 0;
        if (fields[0].StartsWith('@'))
        {
            switch (fields[0])
            {
                case "@revoked":
                    marker = KnownHostMarker.Revoked;
                    break;
                case "@cert-authority":
                    marker = KnownHostMarker.CertAuthority;
                    break;
                default:
                    note = $"unknown marker {fields[0]}, skipped";
                    return null;
            }
            first = 1;
        }
        if (fields.Length - first < 3)
        {
            note = "expected 'hosts key-type base64-key', skipped";
            return null;
        }
        var (hostField, keyType, keyText) = (fields[first], fields[first + 1], fields[first + 2]);
        if (!KnownHostName.IsWellFormed(hostField))
        {
            note = "malformed hashed host name, skipped";
            return null;
        }
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(keyText);
        }
        catch (FormatException)
        {
            note = "the key is not valid base64, skipped";
            return null;
        }
        var blobType = SshPublicKeyBlob.TryReadKeyType(blob);
        if (blobType != keyType)
        {
            note = $"the key says it is {blobType ?? "malformed"} but the line says {keyType}, skipped";
            return null;
        }
        return new KnownHostEntry(lineNumber, marker, hostField, keyType, blob);
    }
}
