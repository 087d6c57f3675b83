using HaLbDeploy.Cli;

namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>Runs the real halb-deploy command line in-process (the same code path as the binary) against the lab.</summary>
public static class LabCli
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(new StringWriter(), args);

    /// <summary>Runs with progress (stderr) going to <paramref name="error"/>, e.g. a <see cref="LineWatcher"/>.</summary>
    public static async Task<CliRun> RunAsync(TextWriter error, params string[] args)
    {
        using var output = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var exit = await CliApplication.RunAsync(args, new CliConsole(output, error), timeout.Token);
        return new CliRun(exit, output.ToString(), error.ToString()!);
    }
}
