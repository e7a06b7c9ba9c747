using System.ClientModel.Primitives;
using System.Globalization;
using Triage.OpenAiCompat;

namespace Triage.Retrieval.Embedding.Remote;

/// <summary>
/// Retries that honour the server's Retry-After (capped), count an attempt's own timeout as transient, and back
/// off exponentially up to a configurable ceiling.
/// </summary>
internal sealed class EmbeddingRetryPolicy(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay) : TransientRetryPolicy(maxRetries)
{
    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        if (RetryAfter(message.Response) is { } asked)
        {
            return asked < maxDelay ? asked : maxDelay;
        }

        var jittered = Jittered(baseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, tryCount)));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, maxDelay.TotalMilliseconds));
    }

    // A timeout of this attempt, not the caller giving up: the caller's token is the message's token here.
    protected override bool IsTransient(PipelineMessage message, Exception? exception) => exception is OperationCanceledException
        ? !message.CancellationToken.IsCancellationRequested
        : base.IsTransient(message, exception);

    private static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        // OpenAI sends retry-after-ms as well as the standard header; prefer the finer one.
        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        if (response.Headers.TryGetValue("Retry-After", out var after)
            && int.TryParse(after, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }
}
