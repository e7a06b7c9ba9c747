using Triage.Core.Classification;

namespace Triage.Retrieval.Search;

/// <summary>Ranking hints from a classification: each head's top labels with their probabilities.</summary>
public static class RankingHintsFrom
{
    public static RankingHints Prediction(TicketClassification c) => new(
        c.Category.Top.ToDictionary(t => t.Label, t => t.Probability, StringComparer.Ordinal),
        c.Intent.Top.ToDictionary(t => t.Label, t => t.Probability, StringComparer.Ordinal));
}
