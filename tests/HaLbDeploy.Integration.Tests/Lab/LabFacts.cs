namespace HaLbDeploy.Integration.Tests.Lab;

/// <summary>
/// The test lab made by <c>sudo lab/lab up</c> (3 LB nodes, 3 API servers), as described in lab/README.md and
/// inventory/lab.yaml. Tests connect only to these addresses.
/// </summary>
public static class LabFacts
{
    public const string StateDir = "/var/lib/halb-lab";
    public const string HostAddress = "10.211.0.1";
    public const string Vip = "10.211.0.100";
    public const string Interface = "host0";
    public const int SshPort = 22;
    public const int ApiPort = 6443;
    public const string RepositoryUrl = "http://10.211.0.1:8080/";

    public static readonly IReadOnlyList<LabHost> Nodes =
    [
        new("lb1", "10.211.0.11"),
        new("lb2", "10.211.0.12"),
        new("lb3", "10.211.0.13"),
    ];

    public static readonly IReadOnlyList<LabHost> ApiServers =
    [
        new("api1", "10.211.0.31"),
        new("api2", "10.211.0.32"),
        new("api3", "10.211.0.33"),
    ];

    /// <summary>Key without passphrase, authorised for root, halb and halbpw on every node.</summary>
    public static string PrivateKey => Path.Combine(StateDir, "id_ed25519");

    /// <summary>Key protected by the passphrase in <see cref="KeyPassphraseFile"/>, authorised like <see cref="PrivateKey"/>.</summary>
    public static string PassphraseKey => Path.Combine(StateDir, "id_ed25519_pass");

    public static string KeyPassphraseFile => Path.Combine(StateDir, "key-passphrase");

    public static string KnownHosts => Path.Combine(StateDir, "known_hosts");

    /// <summary>Password of <c>halbpw</c> (login and sudo).</summary>
    public static string SudoPasswordFile => Path.Combine(StateDir, "sudo-password");

    public static string VrrpSecretFile => Path.Combine(StateDir, "vrrp-secret");

    /// <summary>sudo without a password.</summary>
    public const string SudoUser = "halb";

    /// <summary>sudo with a password; the only account that may log in with a password.</summary>
    public const string PasswordUser = "halbpw";

    /// <summary>
    /// `lab/lab up` arguments of the RHEL layout (lab/README.md): lb1..lb4 Debian, lb5 and lb6 EL9-like, lb7 EL8-like.
    /// lb1..lb3 stay the Debian tier every other test uses; <see cref="LabOsTier"/> names the RHEL tiers.
    /// </summary>
    public const string RhelLabUpArguments = "--nodes 4 --rhel 2 --el8 1";

    /// <summary>The nodes the RHEL layout adds after lb1..lb3.</summary>
    public static readonly IReadOnlyList<LabHost> RhelLayoutNodes =
        [.. LabOsTier.El9.Nodes.Concat(LabOsTier.Mixed.Nodes).Select(n => n.Host).OrderBy(h => h.Name, StringComparer.Ordinal)];

    public static LabHost Node(string name) => Nodes.Concat(RhelLayoutNodes).Single(n => n.Name == name);

    /// <summary>Written by `lab/lab up`: how many Debian, EL9-like and EL8-like nodes it made ("4 2 1").</summary>
    public static string LayoutFile => Path.Combine(StateDir, "run", "layout");

    /// <summary>Fails the test unless the lab is up with the RHEL layout.</summary>
    public static void RequireRhelLabUp()
    {
        RequireLabUp();
        var layout = File.Exists(LayoutFile) ? File.ReadAllText(LayoutFile).Trim() : "3 0 0";
        if (layout != "4 2 1")
        {
            Assert.Fail($"These tests need the lab's RHEL layout, but it is up as '{layout}' (Debian, EL9, EL8 nodes). " +
                        $"Start it with `sudo lab/lab up {RhelLabUpArguments}` (through the lab session: HALB_LAB_UP_ARGS='{RhelLabUpArguments}').");
        }
    }

    public static LabHost Api(string name) => ApiServers.Single(a => a.Name == name);

    /// <summary>Reads a lab secret file (written without a trailing newline; tolerated if present).</summary>
    public static string ReadSecret(string path)
    {
        RequireFile(path);
        return File.ReadAllText(path).TrimEnd('\r', '\n');
    }

    /// <summary>Written by `lab/lab up` when the lab is complete; removed by `lab/lab down`.</summary>
    public static string ReadyMarker => Path.Combine(StateDir, "run", "ready");

    public const string Bridge = "halb0";

    /// <summary>
    /// Fails the test unless the lab is up. Call before any connection: without the lab's bridge, a lab address
    /// would be routed through the machine's default route, and lab traffic must never leave the machine.
    /// </summary>
    public static void RequireLabUp()
    {
        if (!File.Exists(ReadyMarker) || !Directory.Exists(Path.Combine("/sys/class/net", Bridge)))
        {
            Assert.Fail($"The test lab is not up (no {ReadyMarker} or no bridge {Bridge}). " +
                        "Start it with `sudo lab/lab up`; `sudo lab/lab status` shows its state.");
        }
    }

    /// <summary>Fails the test with a clear message when a lab file is missing, i.e. the lab is not up.</summary>
    public static void RequireFile(string path)
    {
        if (!File.Exists(path))
        {
            Assert.Fail($"The test lab is not up: {path} is missing. Start it with `sudo lab/lab up` (see lab/README.md).");
        }
    }
}
