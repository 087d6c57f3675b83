using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Runtime.Hosts;

namespace HaLbDeploy.Runtime.Tests.Hosts;

public sealed class EagerHostConnectorTests
{
    private static readonly IReadOnlyList<LbNode> Nodes = Inventories.Load(Inventories.Valid).Inventory!.Nodes;

    [Fact]
    public async Task Connects_start_at_once_and_the_run_takes_each_node_s_connection_as_it_stands()
    {
        var inner = new CountingConnector();

        await using var eager = EagerHostConnector.Start(inner, Nodes, parallel: 8, CancellationToken.None);
        Assert.Equal(["lb1", "lb2"], inner.Dialled); // before anyone asked
        var session = await eager.ConnectAsync(Nodes[0], CancellationToken.None);

        Assert.Equal("lb1", session.NodeName);
        Assert.Equal(["lb1", "lb2"], inner.Dialled); // no second dial for lb1
    }

    [Fact]
    public async Task No_more_connects_start_early_than_the_run_would_open_at_once()
    {
        var inner = new CountingConnector();

        await using var eager = EagerHostConnector.Start(inner, Nodes, parallel: 1, CancellationToken.None);
        await eager.ConnectAsync(Nodes[1], CancellationToken.None);

        Assert.Equal(["lb1", "lb2"], inner.Dialled); // lb2 was dialled when asked for
    }

    [Fact]
    public async Task A_node_asked_for_again_gets_a_new_connection()
    {
        var inner = new CountingConnector();
        await using var eager = EagerHostConnector.Start(inner, Nodes, parallel: 8, CancellationToken.None);

        var first = await eager.ConnectAsync(Nodes[0], CancellationToken.None);
        var second = await eager.ConnectAsync(Nodes[0], CancellationToken.None);

        Assert.NotSame(first, second);
        Assert.Equal(["lb1", "lb2", "lb1"], inner.Dialled);
    }

    [Fact]
    public async Task Disposing_closes_the_connections_nobody_took_and_leaves_the_taken_ones_to_the_run()
    {
        var inner = new CountingConnector();
        var eager = EagerHostConnector.Start(inner, Nodes, parallel: 8, CancellationToken.None);
        var taken = (CountingSession)await eager.ConnectAsync(Nodes[0], CancellationToken.None);

        await eager.DisposeAsync();

        Assert.False(taken.Disposed);
        Assert.True(inner.Sessions.Single(s => s.NodeName == "lb2").Disposed);
    }

    [Fact]
    public async Task A_failed_early_connect_fails_the_run_s_connect_for_that_node_and_disposing_it_is_quiet()
    {
        var inner = new CountingConnector { Unreachable = "lb2" };
        var eager = EagerHostConnector.Start(inner, Nodes, parallel: 8, CancellationToken.None);

        await Assert.ThrowsAsync<HostConnectionException>(() => eager.ConnectAsync(Nodes[1], CancellationToken.None));
        await eager.DisposeAsync();
    }

    private sealed class CountingConnector : IHostConnector
    {
        public List<string> Dialled { get; } = [];

        public List<CountingSession> Sessions { get; } = [];

        public string? Unreachable { get; init; }

        public async Task<IHostSession> ConnectAsync(LbNode node, CancellationToken cancellationToken)
        {
            lock (Dialled) Dialled.Add(node.Name);
            await Task.Yield();
            if (node.Name == Unreachable) throw new HostConnectionException(node.Name, "connection refused");
            var session = new CountingSession(node.Name);
            lock (Sessions) Sessions.Add(session);
            return session;
        }
    }

    private sealed class CountingSession(string name) : IHostSession
    {
        public bool Disposed { get; private set; }

        public string NodeName => name;

        public Task<ScriptResult> ReadAsync(string description, string script, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ScriptResult> ChangeAsync(string description, string script, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<RunLockAttempt> TryTakeRunLockAsync(RunLockOwner owner, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<RunLockAttempt> TryTakeRunLockAndReadAsync(RunLockOwner owner, string readDescription, string readScript, CancellationToken cancellationToken) =>
            throw new NotSupportedException("only apply reads with its lock");

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
