using Microsoft.Extensions.Diagnostics.HealthChecks;
using Triage.Core.Health;

namespace Triage.Server.Health;

/// <summary>Serving only when every component says it is ready; the description lists each one.</summary>
public sealed class ReadinessHealthCheck(IEnumerable<IReadinessProbe> probes) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var results = probes.Select(p => (p.Name, State: p.Check())).ToList();
        var data = results.ToDictionary(r => r.Name, r => (object)r.State.Description);
        var description = results.Count == 0
            ? "no components to wait for"
            : string.Join("; ", results.Select(r => $"{r.Name}: {r.State.Description}"));
        return Task.FromResult(results.TrueForAll(r => r.State.IsReady)
            ? HealthCheckResult.Healthy(description, data)
            : HealthCheckResult.Unhealthy(description, data: data));
    }
}
