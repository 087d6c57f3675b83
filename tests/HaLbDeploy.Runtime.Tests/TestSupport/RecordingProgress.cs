using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Tests.TestSupport;

/// <summary>
/// Keeps the progress lines a run printed, as "[phase/node] message". Runs report from several nodes at once, so
/// adding is locked and <see cref="Lines"/> is a copy.
/// </summary>
public sealed class RecordingProgress : IRunProgress
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public void Report(string phase, string node, string message) => Add($"[{phase}/{node}] {message}");

    public void Warn(string phase, string node, string message) => Add($"[{phase}/{node}] {message}");

    private void Add(string line)
    {
        lock (_lines) _lines.Add(line);
    }
}
