using Triage.Retrieval.Qdrant.Wire;

namespace Triage.Retrieval.Qdrant;

/// <summary>
/// Qdrant ids are unsigned integers or UUIDs, and one collection holds every tenant, so a point's id is
/// derived from (tenant, case id); the originals travel in the payload.
/// </summary>
internal static class CasePointIds
{
    // Fixed forever: changing it would orphan every stored case under a new id.
    private static readonly Guid Namespace = new("6f1c3d52-8a4e-4b7b-9d21-3c5e0f7a9b14");

    public static PointId For(string tenant, string caseId) =>
        // The length prefix keeps ("a:b", "c") and ("a", "b:c") apart.
        Uuid($"case:{tenant.Length}:{tenant}:{caseId}");

    /// <summary>The point that records which embedder built the collection. It has no tenant, so no tenant-filtered call ever sees it.</summary>
    public static PointId Marker { get; } = Uuid("marker:embedder");

    private static PointId Uuid(string name) => new() { Uuid = NameBasedUuid.Create(Namespace, name).ToString("D") };
}
