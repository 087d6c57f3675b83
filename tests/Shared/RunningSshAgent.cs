using System.Diagnostics;
using System.Net.Sockets;

namespace HaLbDeploy.Tests.Shared;

/// <summary>
/// A real OpenSSH ssh-agent in the foreground (-D) on a socket in a fresh private directory, ended by its PID on
/// dispose. Waits for the socket to accept connections, with a deadline.
/// </summary>
public sealed class RunningSshAgent : IDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(10);
    private readonly string directory = Directory.CreateTempSubdirectory("halb-agent-").FullName;
    private readonly Process process;

    public RunningSshAgent()
    {
        SocketPath = Path.Combine(directory, "agent.sock");
        process = Start("ssh-agent", ["-D", "-a", SocketPath]);
        var deadline = DateTime.UtcNow + ToolTimeout;
        while (!Answers(SocketPath))
        {
            if (process.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException($"ssh-agent did not listen on its socket within {ToolTimeout}");
            Thread.Sleep(10);
        }
    }

    public string SocketPath { get; }

    public int ProcessId => process.Id;

    public bool IsRunning => !process.HasExited;

    /// <summary>
    /// Adds a key with ssh-add. An encrypted key's passphrase is read from <paramref name="passphraseFile"/> by an
    /// askpass script (SSH_ASKPASS_REQUIRE=force, no terminal): it is never on a command line or in the test.
    /// </summary>
    public void Add(string keyPath, string? passphraseFile = null)
    {
        var environment = new Dictionary<string, string> { ["SSH_AUTH_SOCK"] = SocketPath };
        if (passphraseFile is not null)
        {
            var askpass = Path.Combine(directory, "askpass");
            File.WriteAllText(askpass, $"#!/bin/sh\nexec cat '{passphraseFile.Replace("'", "'\\''")}'\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(askpass, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            environment["SSH_ASKPASS"] = askpass;
            environment["SSH_ASKPASS_REQUIRE"] = "force";
            environment["DISPLAY"] = ":0";
        }
        using var add = Start("setsid", ["ssh-add", keyPath], environment);
        add.StandardInput.Close();
        if (!add.WaitForExit(ToolTimeout)) add.Kill();
        add.WaitForExit();
        if (add.ExitCode != 0) throw new InvalidOperationException($"ssh-add {keyPath} failed ({add.ExitCode}): {add.StandardError.ReadToEnd()}");
    }

    public void Stop()
    {
        if (process.HasExited) return;
        process.Kill();
        process.WaitForExit(ToolTimeout);
    }

    public void Dispose()
    {
        Stop();
        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static Process Start(string fileName, string[] arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? []) start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException($"cannot start {fileName}");
    }

    /// <summary>The socket file appears at bind(), before listen(): only a connection that succeeds means it is ready.</summary>
    private static bool Answers(string path)
    {
        if (!File.Exists(path)) return false;
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
