namespace Triage.Core.Retrieval;

/// <summary>
/// The similar-case store. Implementations (the embedded in-process index, Qdrant) pass one shared
/// behaviour suite: upserts are idempotent by (tenant, case id), searches return at most TopK hits at
/// or above MinSimilarity ordered by similarity, and a tenant only ever sees its own cases.
/// </summary>
public interface ICaseIndex
{
    /// <summary>Prepares the store for vectors of this embedder (creating it on first use) and refuses
    /// one built by a different embedder or dimension, with a message saying so.</summary>
    Task EnsureReadyAsync(EmbedderInfo embedder, CancellationToken ct);

    Task UpsertAsync(IReadOnlyList<IndexedCase> cases, CancellationToken ct);

    /// <summary>Returns false when the tenant had no such case.</summary>
    Task<bool> DeleteAsync(string tenant, string caseId, CancellationToken ct);

    Task<IReadOnlyList<CaseHit>> SearchAsync(CaseQuery query, CancellationToken ct);

    Task<long> CountAsync(string tenant, CancellationToken ct);
}

/// <summary>Names an embedding space: vectors from different embedders or dimensions must never mix.</summary>
public sealed record EmbedderInfo(string Id, int Dimension);

/// <summary>A store that cannot serve: unreachable, too old, refused credentials, or built for another embedder.</summary>
public sealed class CaseIndexException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when retrying later may succeed (unavailable, deadline); false for misconfiguration.</summary>
    public bool Transient { get; } = transient;

    /// <summary>The store's disk (or quota) is full: nothing of the write was stored; it may succeed once space is freed.</summary>
    public bool OutOfSpace { get; init; }
}
