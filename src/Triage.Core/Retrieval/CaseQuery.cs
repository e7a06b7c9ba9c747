using Triage.Core.Tickets;

namespace Triage.Core.Retrieval;

/// <summary>Optional narrowing of a search; every field left null matches everything.</summary>
public sealed record CaseFilter(
    string? Category = null,
    string? Intent = null,
    string? Language = null,
    Channel? Channel = null,
    DateTimeOffset? ResolvedAfter = null)
{
    public static CaseFilter None { get; } = new();
}

/// <summary>
/// A nearest-neighbour search. <see cref="Tenant"/> is not optional: an index never searches across
/// tenants, whatever the filter says.
/// </summary>
public sealed record CaseQuery(string Tenant, float[] Vector, int TopK, float MinSimilarity, CaseFilter Filter);
