using HaLbDeploy.Core.Ports;
using Serilog;

namespace HaLbDeploy.Cli.Output;

/// <summary>Prints progress as plain lines tagged by phase and node, and logs them.</summary>
public sealed class ConsoleProgress(TextWriter writer, ILogger logger) : IRunProgress
{
    private readonly Lock _lock = new();
    private readonly ILogger _logger = logger.ForContext(Logging.ProgressProperty, true);

    public void Report(string phase, string node, string message) => Write(phase, node, message, warning: false);

    public void Warn(string phase, string node, string message) => Write(phase, node, message, warning: true);

    private void Write(string phase, string node, string message, bool warning)
    {
        var line = $"[{phase}/{node}] {message}";
        lock (_lock) writer.WriteLine(line);
        if (warning) _logger.Warning("{Line}", line);
        else _logger.Information("{Line}", line);
    }
}
