using Triage.Core.Retrieval;

namespace Triage.Retrieval.Search;

/// <summary>A ranked hit: the case, its raw cosine similarity, the hybrid score, and the terms it shares with the ticket.</summary>
public sealed record SimilarCase(CaseRecord Case, float Similarity, float Score, IReadOnlyList<string> MatchedTerms);

/// <summary>What the ranking may use about the ticket beyond its text: the classifier's labels, when there are any.</summary>
public sealed record RankingHints(string? Category, string? Intent)
{
    public static RankingHints None { get; } = new(null, null);
}
