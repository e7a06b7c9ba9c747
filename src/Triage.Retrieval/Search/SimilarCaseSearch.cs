using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Triage.Core.Retrieval;

namespace Triage.Retrieval.Search;

/// <summary>
/// Finds resolved cases for a ticket: embed, search the tenant's cases (over-fetching), then rank by
/// the vector similarity plus agreement with the predicted intent and category and a little recency,
/// and drop hits whose reply repeats a better one, so the top few are relevant and different.
/// </summary>
public sealed class SimilarCaseSearch(
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    ICaseIndex index,
    KeyTerms keyTerms,
    IOptions<RetrievalOptions> options,
    TimeProvider? clock = null)
{
    private readonly RetrievalOptions _options = options.Value;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<IReadOnlyList<SimilarCase>> FindAsync(
        string tenant, string redactedText, int topK, float minSimilarity, CaseFilter filter, RankingHints hints, CancellationToken ct)
    {
        topK = topK > 0 ? topK : _options.DefaultTopK;
        minSimilarity = minSimilarity > 0 ? minSimilarity : _options.DefaultMinSimilarity;
        var vector = (await embedder.GenerateAsync([redactedText], cancellationToken: ct))[0].Vector.ToArray();
        var hits = await index.SearchAsync(new CaseQuery(tenant, vector, (topK * 4) + 10, minSimilarity, filter), ct);

        var now = _clock.GetUtcNow();
        var ranked = hits
            .Select(h => (Hit: h, Score: h.Similarity + Bonus(h.Case, hints, now)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Hit.Case.CaseId, StringComparer.Ordinal);

        var chosen = new List<SimilarCase>(topK);
        var chosenReplies = new List<HashSet<string>>();
        foreach (var (hit, score) in ranked)
        {
            var reply = KeyTerms.Words(hit.Case.Reply).ToHashSet(StringComparer.Ordinal);
            if (chosenReplies.Any(r => Jaccard(r, reply) >= _options.DuplicateReplyOverlap))
            {
                continue;
            }

            chosenReplies.Add(reply);
            var terms = keyTerms.Shared(redactedText, hit.Case.Subject + " " + hit.Case.Body);
            chosen.Add(new SimilarCase(hit.Case, hit.Similarity, score, terms));
            if (chosen.Count == topK)
            {
                break;
            }
        }

        return chosen;
    }

    private float Bonus(CaseRecord c, RankingHints hints, DateTimeOffset now)
    {
        var bonus = (_options.IntentBoost * (float)hints.Intents.GetValueOrDefault(c.Intent))
            + (_options.CategoryBoost * (float)hints.Categories.GetValueOrDefault(c.Category));

        var age = now - c.ResolvedAt;
        if (age < _options.RecencyHorizon)
        {
            bonus += _options.RecencyBoost * (float)(1 - (Math.Max(0, age.Ticks) / (double)_options.RecencyHorizon.Ticks));
        }

        return bonus;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }
}
