using System.Diagnostics;

namespace HaLbDeploy.Packaging.Tests.TestSupport;

/// <summary>Runs a program to its end within a time limit, capturing its output; killed (with its children) past the limit.</summary>
public static class ExternalProcess
{
    public static ProcessResult Run(string program, IEnumerable<string> arguments, TimeSpan limit, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var commandLine = string.Join(' ', new[] { program }.Concat(start.ArgumentList));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessResult(commandLine, -1, output.Result, error.Result + $"\n(killed after {limit.TotalSeconds:0} s)");
        }
        return new ProcessResult(commandLine, process.ExitCode, output.Result, error.Result);
    }
}
