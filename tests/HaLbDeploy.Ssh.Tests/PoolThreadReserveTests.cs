namespace HaLbDeploy.Ssh.Tests;

/// <summary>The pool's minimum is process-wide: the tests that connect (and so hold threads) run apart from these.</summary>
[Collection(Collection)]
public sealed class PoolThreadReserveTests
{
    public const string Collection = "the thread pool's minimum";

    [Fact]
    public void Holding_threads_raises_the_pools_minimum_by_them_until_each_hold_is_released_once()
    {
        ThreadPool.GetMinThreads(out var workers, out var completion);

        var node = PoolThreadReserve.Hold(PoolThreadReserve.NodeForward);
        var probe = PoolThreadReserve.Hold(PoolThreadReserve.ProbeForward);
        ThreadPool.GetMinThreads(out var held, out var heldCompletion);
        node.Dispose();
        node.Dispose();
        ThreadPool.GetMinThreads(out var afterNode, out _);
        probe.Dispose();
        ThreadPool.GetMinThreads(out var after, out var afterCompletion);

        Assert.Equal(workers + PoolThreadReserve.NodeForward + PoolThreadReserve.ProbeForward, held);
        Assert.Equal(workers + PoolThreadReserve.ProbeForward, afterNode);
        Assert.Equal(workers, after);
        Assert.Equal(completion, heldCompletion);
        Assert.Equal(completion, afterCompletion);
    }

    [Fact]
    public void A_hold_of_no_threads_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PoolThreadReserve.Hold(0));
    }
}
