namespace Triage.Core.Health;

/// <summary>
/// A component that can be not ready (no model loaded, index still seeding). The host's readiness is
/// the conjunction of all probes, reported through grpc.health.v1.
/// </summary>
public interface IReadinessProbe
{
    string Name { get; }

    Readiness Check();
}

public sealed record Readiness(bool IsReady, string Description)
{
    public static Readiness Ready(string description) => new(true, description);

    public static Readiness NotReady(string description) => new(false, description);
}
