using System.ClientModel;
using System.ClientModel.Primitives;

namespace Triage.Drafting.Llm;

/// <summary>
/// Retries decided here rather than by the library default, with a short backoff: the draft has one deadline for all
/// attempts, and the library's 0.8 s initial delay would spend a large part of it waiting. A retry never outlives the
/// deadline, because the deadline is the request's cancellation token.
/// </summary>
internal sealed class ChatRetryPolicy(int maxRetries, TimeSpan baseDelay) : ClientRetryPolicy(maxRetries)
{
    private readonly int _maxRetries = maxRetries;

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception)
    {
        // PipelineMessage.RetryCount is internal, so the retries of this call are counted on the message itself.
        var done = message.TryGetProperty(typeof(ChatRetryPolicy), out var count) ? (int)count! : 0;
        if (done >= _maxRetries || message.CancellationToken.IsCancellationRequested || !IsTransient(message, exception))
        {
            return false;
        }

        message.SetProperty(typeof(ChatRetryPolicy), done + 1);
        return true;
    }

    protected override ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception)
        => ValueTask.FromResult(ShouldRetry(message, exception));

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
        => TimeSpan.FromMilliseconds(baseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, tryCount - 1)) * (0.8 + (Random.Shared.NextDouble() * 0.4)));

    private static bool IsTransient(PipelineMessage message, Exception? exception) => exception switch
    {
        null => message.Response is { } r && r.Status is 408 or 429 or 500 or 502 or 503 or 504,
        ClientResultException e => e.Status is 0 or 408 or 429 or 500 or 502 or 503 or 504,
        IOException or HttpRequestException => true,
        _ => false,
    };
}
