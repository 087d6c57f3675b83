using System.Diagnostics;
using System.Runtime.Versioning;

namespace HaLbDeploy.Ssh.Tests.TestSupport;

/// <summary>
/// A node on this machine for the sudo stdin protocol: a directory with a fake `sudo` and an `sh` (dash or bash) first
/// on PATH. A command line runs as sshd would run it (the login shell's -c), with bytes on its standard input. The fake
/// sudo takes the options halb-deploy uses, then, like real sudo in each case, either reads one line as the password
/// (byte by byte; a wrong one is tried twice more, then exit 1) or reads nothing (NOPASSWD, cached credentials,
/// !authenticate), and execs the command.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class FakeSudoNode : IDisposable
{
    private const string FakeSudo = """
        #!/bin/sh
        printf '%s\n' "$*" >> "$FAKE_SUDO_LOG"
        while [ $# -gt 0 ]; do
          case $1 in
            --) shift; break ;;
            -p) shift 2 ;;
            -*) shift ;;
            *) break ;;
          esac
        done
        if [ "$FAKE_SUDO" = reads ]; then
          tries=0
          while :; do
            IFS= read -r attempt || { echo "sudo: no password was provided" >&2; exit 1; }
            printf '%s\n' "$attempt" >> "$FAKE_SUDO_ATTEMPTS"
            [ "$attempt" = "$FAKE_SUDO_PASSWORD" ] && break
            tries=$((tries + 1))
            [ $tries -lt 3 ] || { echo "sudo: 3 incorrect password attempts" >&2; exit 1; }
            echo "Sorry, try again." >&2
          done
        fi
        exec "$@"
        """;

    private readonly TempDirectory directory = new();

    /// <param name="shell">The node's shell: "dash" (Debian's /bin/sh) or "bash" (RHEL's).</param>
    public FakeSudoNode(string shell)
    {
        Shell = $"/bin/{shell}";
        Bin = directory.File("bin");
        Directory.CreateDirectory(Bin);
        File.WriteAllText(Path.Combine(Bin, "sudo"), FakeSudo.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(Path.Combine(Bin, "sudo"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.CreateSymbolicLink(Path.Combine(Bin, "sh"), Shell);
    }

    public string Shell { get; }

    /// <summary>The working directory of every run: a password like `touch PWNED` would leave its file here.</summary>
    public string WorkDirectory => directory.Path;

    public string Bin { get; }

    /// <summary>Every argument list the fake sudo was started with, one line each.</summary>
    public string SudoLog => File.Exists(directory.File("sudo.log")) ? File.ReadAllText(directory.File("sudo.log")) : "";

    /// <summary>Every line the fake sudo read as a password attempt.</summary>
    public IReadOnlyList<string> PasswordAttempts =>
        File.Exists(directory.File("sudo.attempts")) ? File.ReadAllLines(directory.File("sudo.attempts")) : [];

    public bool Has(string fileName) => File.Exists(directory.File(fileName));

    /// <param name="sudoReads">true: sudo reads the password line (and accepts <paramref name="acceptedPassword"/>); false: it reads nothing.</param>
    public (int ExitCode, string Output, string Error) Run(string commandLine, byte[] standardInput, bool sudoReads, string acceptedPassword = "")
    {
        var start = new ProcessStartInfo(Shell)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = directory.Path,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        start.Environment.Clear();
        start.Environment["PATH"] = $"{Bin}:/usr/bin:/bin";
        start.Environment["FAKE_SUDO"] = sudoReads ? "reads" : "skips";
        start.Environment["FAKE_SUDO_PASSWORD"] = acceptedPassword;
        start.Environment["FAKE_SUDO_LOG"] = directory.File("sudo.log");
        start.Environment["FAKE_SUDO_ATTEMPTS"] = directory.File("sudo.attempts");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Shell}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            process.StandardInput.BaseStream.Write(standardInput);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command ended before reading everything (e.g. sudo refused): its result is the answer.
        }
        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{commandLine}` did not finish in 30 s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    public void Dispose() => directory.Dispose();
}
