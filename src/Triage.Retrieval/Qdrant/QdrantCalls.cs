using Grpc.Core;
using Microsoft.Extensions.Logging;
using Triage.Core.Retrieval;
using Triage.Retrieval.Qdrant.Wire;

namespace Triage.Retrieval.Qdrant;

/// <summary>
/// Runs one logical Qdrant call: a fresh deadline and the API key on every attempt, bounded exponential
/// backoff with jitter between attempts, and transient failures retried. Every call the index makes is
/// safe to repeat (reads, upserts and deletes by id), which is what makes retrying sound.
/// </summary>
internal sealed class QdrantCalls(QdrantOptions options, ILogger logger)
{
    private readonly Metadata _headers = options.ApiKey is { } key ? new Metadata { { "api-key", key } } : new Metadata();

    public Task<T> ReadAsync<T>(string operation, Func<CallOptions, Task<T>> call, CancellationToken ct) =>
        RunAsync(operation, call, unconfirmed: static _ => false, ct);

    /// <summary>A write with wait=true. WaitTimeout means the server could not confirm it in time, not that
    /// it failed: the write is sent again like any transient failure.</summary>
    public Task WriteAsync(string operation, Func<CallOptions, Task<PointsOperationResponse>> call, CancellationToken ct) =>
        RunAsync(operation, call, unconfirmed: static r => r.Result?.Status == UpdateStatus.WaitTimeout, ct);

    private async Task<T> RunAsync<T>(string operation, Func<CallOptions, Task<T>> call, Func<T, bool> unconfirmed, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            string reason;
            try
            {
                var result = await call(new CallOptions(_headers, DateTime.UtcNow + options.Deadline, ct));
                if (!unconfirmed(result))
                {
                    return result;
                }

                reason = "WaitTimeout";
                if (attempt >= options.MaxRetries)
                {
                    throw new CaseIndexException(
                        $"Qdrant at {options.Address} could not confirm {operation} after {attempt + 1} attempts (WaitTimeout); it may be overloaded",
                        transient: true);
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && ct.IsCancellationRequested)
            {
                // The caller gave up: that is not a store failure. (The channel's own option for this would also
                // turn an exceeded deadline into a cancellation, hiding the transient DeadlineExceeded.)
                throw new OperationCanceledException($"Qdrant {operation} was cancelled by the caller", e, ct);
            }
            catch (RpcException e) when (QdrantErrors.IsTransient(e.StatusCode) && attempt < options.MaxRetries)
            {
                reason = e.StatusCode.ToString();
            }
            catch (RpcException e)
            {
                throw QdrantErrors.Map(e, operation, options);
            }

            var delay = Backoff(attempt);
            logger.LogWarning("Qdrant {Operation} failed ({Reason}); retry {Retry} of {MaxRetries} in {Delay} ms",
                operation, reason, attempt + 1, options.MaxRetries, (int)delay.TotalMilliseconds);
            await Task.Delay(delay, ct);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(options.RetryMaxDelay.TotalMilliseconds, options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        // Jitter over the upper half: replicas that failed together do not all retry together.
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}
