using System.Globalization;

namespace HaLbDeploy.Core.Facts;

/// <summary>
/// Turns the output of <see cref="FactScript"/> into <see cref="NodeFacts"/>. Pure and tolerant: unknown sections
/// are ignored, a missing or unreadable section leaves its facts unknown and adds a <see cref="FactGap"/>, and no
/// input, however broken, makes it throw.
/// </summary>
public static class FactParser
{
    public static NodeFacts Parse(string stdout)
    {
        var output = FactOutput.Read(stdout ?? "");
        var gaps = new List<FactGap>();
        if (!output.Complete)
            gaps.Add(new FactGap("output", output.Sections.Count == 0 ? "no fact sections in the output" : "the output ended before the end marker"));
        else if (output.FormatVersion is { } version && version != FactSections.FormatVersion)
            gaps.Add(new FactGap("output", $"format {version}, expected {FactSections.FormatVersion}"));

        var os = Read(output, FactSections.OsRelease, gaps, s => OsRelease.Parse(s.Body));
        var tools = Read(output, FactSections.Tools, gaps, s => s.Values.ToList());
        var systemd = Read(output, FactSections.Systemd, gaps, s => s.Values.FirstOrDefault() switch
        {
            "running" => true,
            "not-running" => false,
            _ => (bool?)null,
        });
        var packages = ReadPackages(output, gaps);
        var firewall = ReadFirewall(output, gaps);
        var (selinux, connectAny) = ReadSelinux(output, gaps);
        var listeners = Read(output, FactSections.Listeners, gaps, s => ListenerParser.Parse(s.Body));

        return new NodeFacts
        {
            Complete = output.Complete,
            Hostname = Read(output, FactSections.Hostname, gaps, s => s.Values.FirstOrDefault()),
            OsId = os?.Id,
            OsVersionId = os?.VersionId,
            OsPrettyName = os?.PrettyName,
            OsFamily = os?.Family ?? OsFamily.Unknown,
            Tools = tools ?? [],
            PackageManager = tools is null ? PackageManager.Unknown : ChoosePackageManager(tools, os?.Family ?? OsFamily.Unknown),
            SystemdRunning = systemd,
            Interfaces = ReadInterfaces(output, gaps),
            PackagesKnown = packages is not null,
            KeepalivedVersion = packages?.GetValueOrDefault("keepalived"),
            HaproxyVersion = packages?.GetValueOrDefault("haproxy"),
            Files = ReadFiles(output, gaps),
            Units = Read(output, FactSections.Units, gaps, s => SystemctlShowParser.Parse(s.Body)) ?? [],
            Firewall = firewall,
            Selinux = selinux,
            HaproxyConnectAny = connectAny,
            FrontendPorts = (output.Section(FactSections.Listeners)?.Argument ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : (int?)null).OfType<int>().ToList(),
            FrontendListeners = listeners ?? [],
            Clock = ReadClock(output, gaps),
            HaproxyBuild = output.Section(FactSections.HaproxyBuild) is { } build ? HaproxyBuild.Parse(build.Body) : null,
            InitialNamespaces = output.Section(FactSections.Namespaces) is { } namespaces ? InitialNamespaces.Parse(namespaces.Body) : null,
            Gaps = gaps,
        };
    }

    /// <summary>Runs <paramref name="parse"/> on the section, or records why it cannot (absent, tool missing).</summary>
    private static T? Read<T>(FactOutput output, string name, List<FactGap> gaps, Func<FactSection, T> parse)
    {
        var section = output.Section(name);
        if (section is null)
        {
            gaps.Add(new FactGap(name, "not in the output"));
            return default;
        }
        if (section.MissingTool is { } tool)
        {
            gaps.Add(new FactGap(name, Unavailable(tool)));
            return default;
        }
        return parse(section);
    }

    /// <summary>Why a section is empty, from its "@@halb missing TOOL [TOOL...]" line.</summary>
    private static string Unavailable(string tools)
    {
        var names = tools.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return names switch
        {
            ["systemd"] => "systemd is not running as PID 1",
            [var single] => $"{single} is not available on the node",
            _ => $"none of {string.Join(", ", names)} is available on the node",
        };
    }

    private static PackageManager ChoosePackageManager(IReadOnlyList<string> tools, OsFamily family)
    {
        bool Has(string tool) => tools.Contains(tool);
        return family switch
        {
            OsFamily.Debian when Has("apt-get") => PackageManager.Apt,
            OsFamily.RedHat when Has("dnf") => PackageManager.Dnf,
            OsFamily.RedHat when Has("yum") => PackageManager.Yum,
            _ when Has("apt-get") => PackageManager.Apt,
            _ when Has("dnf") => PackageManager.Dnf,
            _ when Has("yum") => PackageManager.Yum,
            _ => PackageManager.Unknown,
        };
    }

    private static IReadOnlyDictionary<string, string>? ReadPackages(FactOutput output, List<FactGap> gaps) =>
        Read(output, FactSections.Packages, gaps, section =>
        {
            if (section.Via is { } via) return InstalledPackagesParser.Parse(via, section.Body);
            gaps.Add(new FactGap(FactSections.Packages, "no package database answered"));
            return null;
        });

    private static IReadOnlyList<NetworkInterface> ReadInterfaces(FactOutput output, List<FactGap> gaps)
    {
        var links = Read(output, FactSections.Links, gaps, s => IpOutputParser.ParseLinks(s.Body));
        var addresses = Read(output, FactSections.Addresses, gaps, s => IpOutputParser.ParseAddresses(s.Body)) ?? [];
        var names = (links ?? []).Select(l => l.Name).Concat(addresses.Select(a => a.Name)).Distinct();
        return names
            .Select(name => new NetworkInterface(
                name,
                links?.Where(l => l.Name == name).Select(l => (bool?)l.LinkUp).FirstOrDefault(),
                addresses.Where(a => a.Name == name).Select(a => a.Address).ToList()))
            .ToList();
    }

    private static IReadOnlyList<ManagedFileState> ReadFiles(FactOutput output, List<FactGap> gaps)
    {
        var files = new List<ManagedFileState>();
        foreach (var section in output.AllSections(FactSections.File))
        {
            if (section.Argument.Length == 0) continue;
            var file = ManagedFileParser.Parse(section.Argument, section.Values);
            var fact = $"{FactSections.File} {section.Argument}";
            if (section.MissingTool is { } tool) gaps.Add(new FactGap(fact, Unavailable(tool)));
            else if (file.Exists && file.Mode is null) gaps.Add(new FactGap(fact, "its mode and owner could not be read"));
            else if (file.IsRegularFile && file.Sha256 is null) gaps.Add(new FactGap(fact, "its content could not be read"));
            files.Add(file);
        }
        return files;
    }

    private static FirewallState ReadFirewall(FactOutput output, List<FactGap> gaps)
    {
        var status = Read(output, FactSections.FirewallState, gaps, s => s.Values.FirstOrDefault() switch
        {
            "running" => FirewalldStatus.Running,
            "not-running" => FirewalldStatus.NotRunning,
            "not-installed" => FirewalldStatus.NotInstalled,
            _ => FirewalldStatus.Unknown,
        });
        if (status != FirewalldStatus.Running) return FirewallState.Unknown with { Status = status };

        var defaultZone = Read(output, FactSections.FirewallDefaultZone, gaps, s => s.Values.FirstOrDefault());
        var runtime = Read(output, FactSections.FirewallRuntime, gaps, s => FirewallZoneListParser.Parse(s.Body)) ?? [];
        var permanent = Read(output, FactSections.FirewallPermanent, gaps, s => FirewallZoneListParser.Parse(s.Body)) ?? [];
        if (defaultZone is null) gaps.Add(new FactGap(FactSections.FirewallDefaultZone, "firewall-cmd named no default zone"));
        if (runtime.Count == 0) gaps.Add(new FactGap(FactSections.FirewallRuntime, "firewall-cmd listed no zones"));
        if (permanent.Count == 0) gaps.Add(new FactGap(FactSections.FirewallPermanent, "firewall-cmd listed no zones"));
        return new FirewallState(status, defaultZone, runtime, permanent);
    }

    private static (SelinuxMode Mode, bool? HaproxyConnectAny) ReadSelinux(FactOutput output, List<FactGap> gaps)
    {
        var section = output.Section(FactSections.Selinux);
        if (section is null)
        {
            gaps.Add(new FactGap(FactSections.Selinux, "not in the output"));
            return (SelinuxMode.Unknown, null);
        }
        // No getenforce means no SELinux userland: a fact ("absent"), not a gap.
        if (section.MissingTool is not null) return (SelinuxMode.Absent, null);
        var mode = SelinuxParser.ParseMode(section.Values);
        if (mode == SelinuxMode.Unknown) gaps.Add(new FactGap(FactSections.Selinux, "getenforce gave no mode"));
        var booleans = output.Section(FactSections.SelinuxBooleans);
        var connectAny = booleans is null || booleans.MissingTool is not null ? null : SelinuxParser.ParseHaproxyConnectAny(booleans.Values);
        if (connectAny is null && mode is SelinuxMode.Enforcing or SelinuxMode.Permissive)
            gaps.Add(new FactGap(FactSections.SelinuxBooleans, "haproxy_connect_any could not be read"));
        return (mode, connectAny);
    }

    private static NodeClockReading? ReadClock(FactOutput output, List<FactGap> gaps)
    {
        var start = EpochClockParser.Parse(output.Section(FactSections.ClockStart)?.Values ?? []);
        var end = EpochClockParser.Parse(output.Section(FactSections.ClockEnd)?.Values ?? []);
        if (start is null && end is null)
        {
            gaps.Add(new FactGap("clock", "the node's clock could not be read"));
            return null;
        }
        return new NodeClockReading(start ?? end!.Value, end ?? start!.Value);
    }
}
