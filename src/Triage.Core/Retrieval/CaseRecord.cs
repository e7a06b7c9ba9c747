using Triage.Core.Tickets;

namespace Triage.Core.Retrieval;

/// <summary>
/// A resolved case as the index keeps it: always under one tenant, its texts already redacted of
/// personal data (nothing unredacted is ever embedded or stored).
/// </summary>
public sealed record CaseRecord(
    string Tenant,
    string CaseId,
    string Language,
    Channel? Channel,
    string Subject,
    string Body,
    string Reply,
    string Category,
    string Intent,
    string Urgency,
    string Outcome,
    DateTimeOffset ResolvedAt);

/// <summary>A case with its embedding, ready to upsert.</summary>
public sealed record IndexedCase(CaseRecord Case, float[] Vector);

/// <summary>A search hit: the case and its cosine similarity to the query.</summary>
public sealed record CaseHit(CaseRecord Case, float Similarity);
