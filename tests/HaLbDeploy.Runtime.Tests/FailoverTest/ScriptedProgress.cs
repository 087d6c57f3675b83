using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Tests.FailoverTest;

/// <summary>
/// Keeps the progress lines like <see cref="TestSupport.RecordingProgress"/>, and calls <see cref="OnReport"/> with
/// every reported (not warned) line once it is kept: to cancel the run or to throw at a chosen moment.
/// </summary>
public sealed class ScriptedProgress : IRunProgress
{
    private readonly List<string> _lines = [];

    public Action<string>? OnReport { get; init; }

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public void Report(string phase, string node, string message)
    {
        var line = Add($"[{phase}/{node}] {message}");
        OnReport?.Invoke(line);
    }

    public void Warn(string phase, string node, string message) => Add($"[{phase}/{node}] {message}");

    private string Add(string line)
    {
        lock (_lines) _lines.Add(line);
        return line;
    }
}
