using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Tests.Facts;

/// <summary>Fact script outputs kept under Facts/recorded (see the README there for which are real).</summary>
public static class RecordedFacts
{
    public const string CentOs7 = "centos7-yum-firewalld-enforcing.txt";
    public const string Rocky8 = "rocky8-dnf-firewalld-enforcing-converged.txt";
    public const string Alma9 = "alma9-dnf-firewalld-stopped-permissive.txt";
    public const string Ubuntu2204 = "ubuntu2204-apt-keepalived-failed.txt";
    public const string Ubuntu2404 = "ubuntu2404-apt-apiserver-on-frontend-port.txt";
    public const string Debian12Fresh = "debian12-lab-fresh.txt";
    public const string Debian12KeepalivedOnly = "debian12-lab-lb1-keepalived-only-vip.txt";
    public const string Debian12Chroot = "debian12-rootfs-chroot-nothing-installed.txt";
    public const string Debian12ConvergedVipHolder = "debian12-lab-lb1-converged-vip.txt";
    public const string Debian12ConvergedVipHolderOneMinuteEarlier = "debian12-lab-lb1-converged-vip-one-minute-earlier.txt";
    public const string Debian12ConvergedVipHolderEarlierRun = "debian12-lab-lb1-converged-vip-earlier-run.txt";
    public const string Debian12ConvergedBackup = "debian12-lab-lb2-converged-backup.txt";

    public static IReadOnlyList<string> All { get; } =
    [
        CentOs7, Rocky8, Alma9, Ubuntu2204, Ubuntu2404, Debian12Fresh, Debian12KeepalivedOnly, Debian12Chroot,
        Debian12ConvergedVipHolder, Debian12ConvergedVipHolderOneMinuteEarlier, Debian12ConvergedVipHolderEarlierRun,
        Debian12ConvergedBackup,
    ];

    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Facts", "recorded", name));

    public static NodeFacts Parse(string name) => FactParser.Parse(Text(name));
}
