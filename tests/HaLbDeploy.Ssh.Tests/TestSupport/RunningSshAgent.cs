using System.Diagnostics;

namespace HaLbDeploy.Ssh.Tests.TestSupport;

/// <summary>
/// A real OpenSSH ssh-agent in the foreground (-D) on a socket in a fresh directory, ended by its PID on dispose.
/// Waits for the socket with a deadline.
/// </summary>
public sealed class RunningSshAgent : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly Process process;

    public RunningSshAgent()
    {
        SocketPath = dir.File("agent.sock");
        var start = new ProcessStartInfo("ssh-agent") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-D", "-a", SocketPath }) start.ArgumentList.Add(argument);
        process = Process.Start(start) ?? throw new InvalidOperationException("cannot start ssh-agent");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Answers(SocketPath))
        {
            if (process.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException("ssh-agent did not listen on its socket within 10 s");
            Thread.Sleep(10);
        }
    }

    public string SocketPath { get; }

    /// <summary>The socket file appears at bind(), before listen(): only a connection that succeeds means it is ready.</summary>
    private static bool Answers(string path)
    {
        if (!File.Exists(path)) return false;
        using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        try
        {
            probe.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>Adds a key without a passphrase (ssh-add reads none from a terminal here).</summary>
    public void Add(string keyPath)
    {
        var start = new ProcessStartInfo("ssh-add") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(keyPath);
        start.Environment["SSH_AUTH_SOCK"] = SocketPath;
        using var add = Process.Start(start) ?? throw new InvalidOperationException("cannot start ssh-add");
        add.StandardInput.Close();
        if (!add.WaitForExit(10_000)) add.Kill();
        if (add.ExitCode != 0) throw new InvalidOperationException($"ssh-add {keyPath} failed: {add.StandardError.ReadToEnd()}");
    }

    public void Stop()
    {
        if (process.HasExited) return;
        process.Kill();
        process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Stop();
        process.Dispose();
        dir.Dispose();
    }
}
