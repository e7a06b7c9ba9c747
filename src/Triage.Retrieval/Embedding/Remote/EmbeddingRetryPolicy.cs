using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;

namespace Triage.Retrieval.Embedding.Remote;

/// <summary>
/// The client's retry loop with our own decisions: which failures are worth another attempt is decided here rather
/// than left to the library default (which has changed between System.ClientModel versions), and the backoff is
/// configurable, because the library's fixed 0.8 s initial delay is too slow for a ticket waiting on it.
/// </summary>
internal sealed class EmbeddingRetryPolicy(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay) : ClientRetryPolicy(maxRetries)
{
    private readonly int _maxRetries = maxRetries;

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception)
    {
        // PipelineMessage.RetryCount is internal, so the retries of this call are counted on the message itself.
        var done = message.TryGetProperty(typeof(EmbeddingRetryPolicy), out var count) ? (int)count! : 0;
        if (done >= _maxRetries || !IsTransient(message, exception))
        {
            return false;
        }

        message.SetProperty(typeof(EmbeddingRetryPolicy), done + 1);
        return true;
    }

    protected override ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception)
        => ValueTask.FromResult(ShouldRetry(message, exception));

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        if (RetryAfter(message.Response) is { } asked)
        {
            return asked < maxDelay ? asked : maxDelay;
        }

        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, tryCount));
        // Jitter spreads the retries of many replicas that failed together.
        var jittered = exponential * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, maxDelay.TotalMilliseconds));
    }

    internal static bool IsTransient(PipelineMessage message, Exception? exception) => exception switch
    {
        null => message.Response is { } r && IsTransientStatus(r.Status),
        // A timeout of this attempt, not the caller giving up: the caller's token is the message's token here.
        OperationCanceledException => !message.CancellationToken.IsCancellationRequested,
        ClientResultException e => e.Status == 0 || IsTransientStatus(e.Status),
        IOException or HttpRequestException => true,
        _ => false,
    };

    internal static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

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
