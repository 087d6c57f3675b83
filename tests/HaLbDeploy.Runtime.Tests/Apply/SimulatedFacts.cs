using System.Globalization;
using System.Net;
using System.Text;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Tests.Facts;

namespace HaLbDeploy.Runtime.Tests.Apply;

/// <summary>
/// What the fact script prints on a <see cref="SimulatedLbNode"/>: the node's recorded output, with the sections
/// its state decides (clock, hostname, packages, units, links, addresses, managed files) written in the recorded
/// format, and last the node's own <see cref="SimulatedLbNode.Sections"/>.
/// </summary>
public static class SimulatedFacts
{
    private const string SectionPrefix = "@@halb section ";

    public static string Of(SimulatedLbNode node, bool holdsVip, IPAddress vip, DateTimeOffset now)
    {
        var text = RecordedFacts.Text(node.Recording);
        text = WithSection(text, "clock-start", Nanoseconds(now));
        text = WithSection(text, "clock-end", Nanoseconds(now));
        text = WithSection(text, "hostname", node.Name);
        text = WithSection(text, "packages", Packages(node, text));
        text = WithSection(text, "units", Unit(node, "keepalived", node.KeepalivedActive) + Unit(node, "haproxy", node.HaproxyActive) + NoFirewalld);
        text = WithSection(text, "links", Links(node));
        text = WithSection(text, "addresses", Addresses(node, holdsVip, vip));
        foreach (var path in ManagedPaths(text).Union(node.Files.Keys, StringComparer.Ordinal).ToList())
            text = WithSection(WithFileHeader(text, path), $"file {path}", node.Files.TryGetValue(path, out var file) ? Stat(file) : "absent");
        foreach (var (header, body) in node.Sections) text = WithSection(text, header, body);
        return text;
    }

    /// <summary>The recorded list when it has both packages (a converged recording), else the lab's Debian packages or none.</summary>
    private static string Packages(SimulatedLbNode node, string recorded)
    {
        var lines = recorded.Split('\n');
        var listed = lines.SkipWhile(l => l != SectionPrefix + "packages").Skip(1).TakeWhile(l => !l.StartsWith(SectionPrefix, StringComparison.Ordinal)).ToList();
        if (!node.PackagesInstalled) return listed.FirstOrDefault(l => l.StartsWith("@@halb via ", StringComparison.Ordinal)) ?? "";
        return listed.Any(l => l.StartsWith("haproxy", StringComparison.Ordinal)) && listed.Any(l => l.StartsWith("keepalived", StringComparison.Ordinal))
            ? string.Join('\n', listed)
            : "@@halb via dpkg\nhaproxy install ok installed 2.6.12-1+deb12u4\nkeepalived install ok installed 1:2.2.7-1+b2";
    }

    private static string Links(SimulatedLbNode node) =>
        @"1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00" + "\n" +
        $@"2: {node.Interface}@if168: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\    link/ether a6:55:47:52:28:39 brd ff:ff:ff:ff:ff:ff link-netnsid 0";

    private const string NoFirewalld =
        "MainPID=0\nId=firewalld.service\nLoadState=not-found\nActiveState=inactive\nSubState=dead\nUnitFileState=\nActiveEnterTimestampMonotonic=0\nInvocationID=\n";

    private static string Unit(SimulatedLbNode node, string name, bool active)
    {
        if (!node.PackagesInstalled)
            return $"MainPID=0\nId={name}.service\nLoadState=not-found\nActiveState=inactive\nSubState=dead\nUnitFileState=\nActiveEnterTimestampMonotonic=0\nInvocationID=\n\n";
        var (pid, state, sub, invocation) = active ? ("5435", "active", "running", $"{name}0000000000000000000000000000"[..32]) : ("0", "inactive", "dead", "");
        return $"MainPID={pid}\nId={name}.service\nLoadState=loaded\nActiveState={state}\nSubState={sub}\nUnitFileState={(node.UnitsEnabled ? "enabled" : "disabled")}\n" +
               $"ActiveEnterTimestampMonotonic={(active ? "2455661519" : "0")}\nInvocationID={invocation}\n\n";
    }

    private static string Addresses(SimulatedLbNode node, bool holdsVip, IPAddress vip)
    {
        var lines = new StringBuilder(@"1: lo    inet 127.0.0.1/8 scope host lo\       valid_lft forever preferred_lft forever").Append('\n');
        lines.Append($@"2: {node.Interface}    inet {node.Address}/24 brd 10.211.0.255 scope global {node.Interface}\       valid_lft forever preferred_lft forever").Append('\n');
        if (holdsVip) lines.Append($@"2: {node.Interface}    inet {vip}/24 scope global secondary {node.Interface}\       valid_lft forever preferred_lft forever").Append('\n');
        return lines.ToString().TrimEnd('\n');
    }

    private static string Stat(SimulatedFile file) =>
        $"stat {file.Mode.TrimStart('0')} {file.Owner} {file.Group} regular file\nsha256 {ContentDigest.Of(file.Content)}  -";

    private static IEnumerable<string> ManagedPaths(string text) =>
        text.Split('\n').Where(l => l.StartsWith(SectionPrefix + "file ", StringComparison.Ordinal)).Select(l => l[(SectionPrefix.Length + "file ".Length)..]).ToList();

    /// <summary>
    /// The text with an (empty) section for a managed file the recording predates (e.g. the notify script), placed
    /// before the recorded file sections.
    /// </summary>
    private static string WithFileHeader(string text, string path)
    {
        var header = SectionPrefix + "file " + path;
        var lines = text.Split('\n').ToList();
        if (lines.Contains(header)) return text;
        var first = lines.FindIndex(l => l.StartsWith(SectionPrefix + "file ", StringComparison.Ordinal));
        lines.Insert(first, header);
        return string.Join('\n', lines);
    }

    /// <summary>The text with the body of the section under "@@halb section <paramref name="header"/>" replaced.</summary>
    private static string WithSection(string text, string header, string body)
    {
        var lines = text.Split('\n').ToList();
        var start = lines.IndexOf(SectionPrefix + header);
        if (start < 0) throw new ArgumentException($"the recording has no section '{header}'", nameof(header));
        var end = start + 1;
        while (end < lines.Count && !lines[end].StartsWith(SectionPrefix, StringComparison.Ordinal) && lines[end] != "@@halb end") end++;
        lines.RemoveRange(start + 1, end - start - 1);
        lines.InsertRange(start + 1, (body.TrimEnd('\n') + "\n").Split('\n'));
        return string.Join('\n', lines);
    }

    private static string Nanoseconds(DateTimeOffset at) =>
        ((at - DateTimeOffset.UnixEpoch).Ticks * 100).ToString(CultureInfo.InvariantCulture);
}
