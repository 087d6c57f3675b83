using HaLbDeploy.Core.Orchestration;

namespace HaLbDeploy.Core.Tests.TestSupport;

/// <summary>Keeps the progress lines a run printed, as "[phase/node] message".</summary>
public sealed class RecordingProgress : IRunProgress
{
    public List<string> Lines { get; } = [];

    public void Report(string phase, string node, string message) => Lines.Add($"[{phase}/{node}] {message}");

    public void Warn(string phase, string node, string message) => Lines.Add($"[{phase}/{node}] {message}");
}
