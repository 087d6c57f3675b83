using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Phases;

/// <summary>
/// Runs one step of a phase on many nodes: on several at once up to a bound, each step guarded so that a node
/// whose step throws (connection lost, timeout, anything) fails alone and never the process, and a step that
/// took long says so. Cancellation is no failure: an <see cref="OperationCanceledException"/> goes to the caller,
/// which knows what an interrupted run must clean up.
/// </summary>
/// <param name="parallelism">How many nodes' steps run at once; below 1 counts as 1.</param>
/// <param name="nameOf">A node's name, as progress lines tag it and host connection messages start with it.</param>
/// <param name="fail">Records that a node failed, with the message to show for it.</param>
/// <param name="mask">Hides secrets in the message of an unexpected exception.</param>
public sealed class PhaseRunner<TNode>(
    IRunProgress progress,
    TimeProvider time,
    int parallelism,
    Func<TNode, string> nameOf,
    Action<TNode, string> fail,
    Func<string, string> mask)
{
    /// <summary>A step that took longer than this is reported with how long it took.</summary>
    public static readonly TimeSpan SlowStep = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="step"/> on every node, a bounded number at once; true when it succeeded on all of them.</summary>
    public Task<bool> ForEachAsync(IReadOnlyList<TNode> nodes, string phase, Func<TNode, CancellationToken, Task<bool>> step, CancellationToken cancellationToken) =>
        ForEachAsync(nodes, [new NodeStep<TNode>(phase, step)], cancellationToken);

    /// <summary>
    /// Runs <paramref name="steps"/> on every node in their order, a bounded number of nodes at once: a node goes on to
    /// its next step as soon as its own step succeeded, without waiting for the others (its first step stops it
    /// otherwise). Each step is guarded, named and timed on its own. True when every step succeeded on every node.
    /// </summary>
    public async Task<bool> ForEachAsync(IReadOnlyList<TNode> nodes, IReadOnlyList<NodeStep<TNode>> steps, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, parallelism));
        var outcomes = await Task.WhenAll(nodes.Select(async node =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                foreach (var step in steps)
                {
                    var started = time.GetTimestamp();
                    var ok = false;
                    try
                    {
                        ok = await GuardAsync(node, step.Phase, () => step.RunAsync(node, cancellationToken));
                    }
                    finally
                    {
                        ReportIfSlow(node, step.Phase, time.GetElapsedTime(started));
                    }
                    if (!ok) return false;
                }
                return true;
            }
            finally
            {
                gate.Release();
            }
        }));
        return outcomes.All(ok => ok);
    }

    /// <summary>Runs one node's step; false when it failed, by its own account or by throwing.</summary>
    public async Task<bool> GuardAsync(TNode node, string phase, Func<Task<bool>> step)
    {
        try
        {
            return await step();
        }
        catch (HostConnectionException e)
        {
            fail(node, WithoutNodeName(node, e.Message));
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            fail(node, $"{phase} failed: {mask(e.Message)}");
            return false;
        }
    }

    /// <summary>The node is named where its failure is shown; its own "lb1: " at the message's start would say it twice.</summary>
    private string WithoutNodeName(TNode node, string message)
    {
        var name = nameOf(node);
        return message.StartsWith(name + ":", StringComparison.Ordinal) ? message[(name.Length + 1)..].Trim() : message;
    }

    private void ReportIfSlow(TNode node, string phase, TimeSpan took)
    {
        // Whole milliseconds, as the run has always counted them: 2000.4 ms is not over 2 s.
        if ((long)took.TotalMilliseconds > (long)SlowStep.TotalMilliseconds)
            progress.Report(phase, nameOf(node), $"took {took.TotalSeconds:0.0} s");
    }
}
