using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace HaLbDeploy.Ssh.Tests.TestSupport;

/// <summary>Keeps every Serilog event, rendered, so tests can check what was (and was not) logged.</summary>
public sealed class CollectingSink : ILogEventSink
{
    public List<string> Messages { get; } = [];

    public void Emit(LogEvent logEvent)
    {
        lock (Messages) Messages.Add(logEvent.RenderMessage() + (logEvent.Exception is { } e ? " " + e : ""));
    }

    public ILogger CreateLogger() => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();
}
