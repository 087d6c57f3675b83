namespace HaLbDeploy.Ssh.Tests;

public sealed class ForwardThreadReserveTests
{
    [Fact]
    public void Holding_threads_raises_the_pools_minimum_by_them_until_each_hold_is_released_once()
    {
        ThreadPool.GetMinThreads(out var workers, out var completion);

        var node = ForwardThreadReserve.Hold(ForwardThreadReserve.NodeForward);
        var probe = ForwardThreadReserve.Hold(ForwardThreadReserve.ProbeForward);
        ThreadPool.GetMinThreads(out var held, out var heldCompletion);
        node.Dispose();
        node.Dispose();
        ThreadPool.GetMinThreads(out var afterNode, out _);
        probe.Dispose();
        ThreadPool.GetMinThreads(out var after, out var afterCompletion);

        Assert.Equal(workers + ForwardThreadReserve.NodeForward + ForwardThreadReserve.ProbeForward, held);
        Assert.Equal(workers + ForwardThreadReserve.ProbeForward, afterNode);
        Assert.Equal(workers, after);
        Assert.Equal(completion, heldCompletion);
        Assert.Equal(completion, afterCompletion);
    }

    [Fact]
    public void A_hold_of_no_threads_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ForwardThreadReserve.Hold(0));
    }
}
