using Polly;
using Polly.Retry;

namespace HaLbDeploy.Ssh;

/// <summary>The Polly pipelines for connecting and for read-only scripts. Changes get no pipeline: they are never retried.</summary>
public static class SshRetryPipelines
{
    public static ResiliencePipeline ForConnect(SshRetryOptions options, TimeProvider timeProvider, Action<SshRetryAttempt>? onRetry = null) =>
        Build(options, timeProvider, SshFaultClassifier.IsTransientConnectFault, onRetry);

    public static ResiliencePipeline ForRead(SshRetryOptions options, TimeProvider timeProvider, Action<SshRetryAttempt>? onRetry = null) =>
        Build(options, timeProvider, SshFaultClassifier.IsTransientSessionFault, onRetry);

    private static ResiliencePipeline Build(SshRetryOptions options, TimeProvider timeProvider, Func<Exception, bool> isTransient, Action<SshRetryAttempt>? onRetry)
    {
        if (options.MaxAttempts <= 1) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } fault && isTransient(fault)),
                MaxRetryAttempts = options.MaxAttempts - 1,
                Delay = options.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                OnRetry = args =>
                {
                    onRetry?.Invoke(new SshRetryAttempt(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception!));
                    return default;
                },
            })
            .Build();
    }
}
