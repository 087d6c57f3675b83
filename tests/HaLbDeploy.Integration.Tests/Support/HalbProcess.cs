using System.Diagnostics;

namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>Runs the built halb-deploy as its own process, so that real signals reach it.</summary>
public static class HalbProcess
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "halb-deploy.dll");

    /// <summary>
    /// Sends SIGTERM (or <paramref name="signal"/>, e.g. KILL) once stderr shows a line containing <paramref name="marker"/>,
    /// after <paramref name="beforeSignal"/> (e.g. a fault) has run to its end; bounded to 3 minutes.
    /// </summary>
    public static async Task<(int Exit, string Output, string Error)> RunAndSignalAsync(string[] args, string marker, string signal = "TERM", Func<Task>? beforeSignal = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errorLines = new List<string>();
        var signalled = false;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (errorLines) errorLines.Add(e.Data);
            if (!signalled && e.Data.Contains(marker, StringComparison.Ordinal))
            {
                signalled = true;
                if (beforeSignal is not null) Task.Run(beforeSignal).Wait(TimeSpan.FromMinutes(2));
                using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                kill.WaitForExit();
            }
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        process.WaitForExit(); // flush the asynchronous stderr reader
        Assert.True(signalled, $"'{marker}' never appeared:\n{string.Join('\n', errorLines)}");
        var stdout = await output;
        lock (errorLines) return (process.ExitCode, stdout, string.Join('\n', errorLines));
    }
}
