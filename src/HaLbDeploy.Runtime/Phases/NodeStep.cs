namespace HaLbDeploy.Runtime.Phases;

/// <summary>One node's step of a phase, and the phase name its progress lines and failures carry.</summary>
public sealed record NodeStep<TNode>(string Phase, Func<TNode, CancellationToken, Task<bool>> RunAsync);
