using Triage.Core.Retrieval;

namespace Triage.Retrieval.Search;

/// <summary>A ranked hit: the case, its raw cosine similarity, the hybrid score, and the terms it shares with the ticket.</summary>
public sealed record SimilarCase(CaseRecord Case, float Similarity, float Score, IReadOnlyList<string> MatchedTerms);

/// <summary>
/// What the ranking may use about the ticket beyond its text: the classifier's probabilities for the
/// likeliest categories and intents. A case is boosted by the probability of its own labels, so a
/// label below its abstention threshold still ranks in proportion to how likely it is (ranking is not
/// a decision), and an uncertain ticket keeps cases of its second-likeliest intent in view.
/// </summary>
public sealed record RankingHints(IReadOnlyDictionary<string, double> Categories, IReadOnlyDictionary<string, double> Intents)
{
    public static RankingHints None { get; } = new(new Dictionary<string, double>(), new Dictionary<string, double>());

    /// <summary>Hints from labels known for certain (given by the caller rather than predicted).</summary>
    public static RankingHints Certain(string? category, string? intent) => new(
        category is null ? new Dictionary<string, double>() : new Dictionary<string, double> { [category] = 1 },
        intent is null ? new Dictionary<string, double>() : new Dictionary<string, double> { [intent] = 1 });
}
