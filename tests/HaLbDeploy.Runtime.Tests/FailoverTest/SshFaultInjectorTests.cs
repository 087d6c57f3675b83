using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.FailoverTest;

namespace HaLbDeploy.Runtime.Tests.FailoverTest;

public sealed class SshFaultInjectorTests
{
    [Fact]
    public async Task A_session_that_cannot_be_had_for_any_reason_makes_a_failed_record_not_an_exception()
    {
        var injector = new SshFaultInjector(FailoverMode.Stop, _ => throw new InvalidOperationException("the client is not connected"), TimeProvider.System);

        var fault = await injector.InjectAsync(CancellationToken.None);
        var restore = await injector.RestoreAsync(CancellationToken.None);

        Assert.False(fault.Succeeded);
        Assert.Equal("the client is not connected", fault.Detail);
        Assert.False(restore.Succeeded);
    }

    [Fact]
    public async Task A_script_run_that_throws_makes_a_failed_record_naming_what_went_wrong()
    {
        var injector = new SshFaultInjector(FailoverMode.Stop, _ => Task.FromResult<IHostWriter>(new ThrowingWriter()), TimeProvider.System);

        var fault = await injector.InjectAsync(CancellationToken.None);

        Assert.False(fault.Succeeded);
        Assert.Equal(FaultScripts.Describe(FailoverMode.Stop), fault.Description);
        Assert.Equal("channel closed", fault.Detail);
    }

    private sealed class ThrowingWriter : IHostWriter
    {
        public string NodeName => "lb1";

        public Task<ScriptResult> ReadAsync(string description, string script, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ScriptResult> ChangeAsync(string description, string script, CancellationToken cancellationToken) =>
            throw new ApplicationException("channel closed");
    }
}
