using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Triage.Server.Security;

/// <summary>A token bucket per key: one noisy helpdesk cannot starve the others.</summary>
public sealed class KeyRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(string KeyId, int Permits)> _limiter;
    private readonly ApiKeyOptions _options;

    public KeyRateLimiter(IOptions<ApiKeyOptions> options)
    {
        _options = options.Value;
        _limiter = PartitionedRateLimiter.Create<(string KeyId, int Permits), string>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key.KeyId, _ => new TokenBucketRateLimiterOptions
            {
                // Refilled ten times a second (or once per permit for slow keys), so a budget drains
                // smoothly rather than in one-second steps.
                TokenLimit = Math.Max(key.Permits, (int)((long)_options.Burst * key.Permits / _options.PermitsPerSecond)),
                TokensPerPeriod = key.Permits >= 10 ? key.Permits / 10 : 1,
                ReplenishmentPeriod = key.Permits >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromMilliseconds(1000.0 / key.Permits),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public bool TryAcquire(CallerIdentity caller, int? permitsPerSecond)
    {
        using var lease = _limiter.AttemptAcquire((caller.KeyId, permitsPerSecond ?? _options.PermitsPerSecond));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
