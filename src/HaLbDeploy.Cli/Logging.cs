using Serilog;
using Serilog.Events;
using Serilog.Filters;

namespace HaLbDeploy.Cli;

/// <summary>
/// Serilog for a run: warnings (or everything with --verbose) to stderr, and every event to the optional log
/// file. Nothing logged carries script text or secrets: scripts are logged by description only.
/// </summary>
public static class Logging
{
    public const string ProgressProperty = "Progress";

    public static Serilog.Core.Logger Create(bool verbose, FileInfo? logFile)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Debug()
            // Progress lines are already printed by ConsoleProgress: keep them out of the console sink.
            .WriteTo.Logger(console => console
                .Filter.ByExcluding(Matching.WithProperty(ProgressProperty))
                .WriteTo.Console(
                    restrictedToMinimumLevel: verbose ? LogEventLevel.Debug : LogEventLevel.Warning,
                    standardErrorFromLevel: LogEventLevel.Verbose,
                    outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}"));
        if (logFile is not null)
            config = config.WriteTo.File(logFile.FullName, outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}");
        return config.CreateLogger();
    }
}
