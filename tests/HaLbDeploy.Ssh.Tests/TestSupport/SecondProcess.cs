using System.Diagnostics;
using HaLbDeploy.Ssh.HostKeys;

namespace HaLbDeploy.Ssh.Tests.TestSupport;

/// <summary>
/// The test assembly's entry point, which the test runner never calls: a test starts this assembly again as a second
/// process (<see cref="Start"/>) to do one job at the same time as another process, e.g. append to one known_hosts.
/// </summary>
public static class SecondProcess
{
    public static int Main(string[] args) => args switch
    {
        ["append-known-hosts", var path, var first, var count, var startSignal] =>
            AppendKnownHosts(path, int.Parse(first, System.Globalization.CultureInfo.InvariantCulture), int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), startSignal),
        _ => 2,
    };

    /// <summary>The host that <see cref="AppendKnownHosts"/> records as its number <paramref name="n"/>.</summary>
    public static string Host(int n) => $"10.77.{n / 250}.{n % 250}";

    /// <summary>Starts this assembly as a process with <paramref name="arguments"/>; its output is redirected.</summary>
    public static Process Start(params string[] arguments)
    {
        var assembly = typeof(SecondProcess).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start a second process");
    }

    /// <summary>
    /// Says "ready", waits for <paramref name="startSignal"/> to exist (so that several processes start together),
    /// records hosts first..first+count-1 and prints how many it appended.
    /// </summary>
    private static int AppendKnownHosts(string path, int first, int count, string startSignal)
    {
        Console.WriteLine("ready");
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(startSignal))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) return 3;
            Thread.Sleep(1);
        }
        var key = new PresentedHostKey(TestKeys.Blob(TestKeys.Ed25519A));
        var appended = 0;
        for (var n = first; n < first + count; n++)
            if (KnownHostsRecorder.Append(path, Host(n), 22, key) == KnownHostsAppendResult.Appended) appended++;
        Console.WriteLine($"appended {appended}");
        return 0;
    }
}
