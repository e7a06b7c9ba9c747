using System.ClientModel.Primitives;
using Triage.OpenAiCompat;

namespace Triage.Drafting.Llm;

/// <summary>
/// Retries with a short backoff: the draft has one deadline for all attempts, and the library's 0.8 s initial
/// delay would spend a large part of it waiting. A retry never outlives the deadline, because the deadline is
/// the request's cancellation token.
/// </summary>
internal sealed class ChatRetryPolicy(int maxRetries, TimeSpan baseDelay) : TransientRetryPolicy(maxRetries)
{
    protected override bool IsTransient(PipelineMessage message, Exception? exception)
        => !message.CancellationToken.IsCancellationRequested && base.IsTransient(message, exception);

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
        => TimeSpan.FromMilliseconds(Jittered(baseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, tryCount - 1))));
}
