using System.ClientModel;
using System.ClientModel.Primitives;

namespace Triage.OpenAiCompat;

/// <summary>
/// The OpenAI client's retry loop with the decisions kept in this project rather than left to the library
/// default (which has changed between System.ClientModel versions, and whose fixed 0.8 s first delay is too
/// slow for a ticket waiting on it): the count of this call's retries, which failures are transient, and a
/// jittered backoff. The chat and the embedding clients differ only in what else they call transient and how
/// long they wait.
/// </summary>
public abstract class TransientRetryPolicy(int maxRetries) : ClientRetryPolicy(maxRetries)
{
    private readonly int _maxRetries = maxRetries;

    public static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception)
    {
        // PipelineMessage.RetryCount is internal, so the retries of this call are counted on the message itself.
        var done = message.TryGetProperty(GetType(), out var count) ? (int)count! : 0;
        if (done >= _maxRetries || !IsTransient(message, exception))
        {
            return false;
        }

        message.SetProperty(GetType(), done + 1);
        return true;
    }

    protected override ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception)
        => ValueTask.FromResult(ShouldRetry(message, exception));

    /// <summary>A transient status, a transport failure, or a response that never came (status 0).</summary>
    protected virtual bool IsTransient(PipelineMessage message, Exception? exception) => exception switch
    {
        null => message.Response is { } r && IsTransientStatus(r.Status),
        ClientResultException e => e.Status == 0 || IsTransientStatus(e.Status),
        IOException or HttpRequestException => true,
        _ => false,
    };

    /// <summary>Jitter spreads the retries of many replicas that failed together.</summary>
    protected static double Jittered(double milliseconds) => milliseconds * (0.8 + (Random.Shared.NextDouble() * 0.4));
}
