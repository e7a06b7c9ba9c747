using Microsoft.Extensions.AI;
using Triage.Core.Privacy;
using Triage.Core.Retrieval;
using Triage.Core.Text;

namespace Triage.Retrieval.Ingestion;

/// <summary>
/// Puts resolved cases into the index: normalized, redacted of personal data (before anything is
/// embedded or stored), embedded, and upserted in batches. Idempotent by (tenant, case id).
/// </summary>
public sealed class CaseIngestion(IEmbeddingGenerator<string, Embedding<float>> embedder, ICaseIndex index)
{
    public const int BatchSize = 256;

    public static CaseRecord Clean(CaseRecord raw)
    {
        string Clean(string text) => PiiRedactor.Instance.Redact(TextNormalizer.Instance.Normalize(text).Text).Text;
        return raw with { Subject = Clean(raw.Subject), Body = Clean(raw.Body), Reply = Clean(raw.Reply) };
    }

    /// <summary>The text a case is found by: what the customer wrote, as a ticket is embedded.</summary>
    public static string SearchText(CaseRecord clean) =>
        string.IsNullOrWhiteSpace(clean.Subject) ? clean.Body : clean.Subject + "\n" + clean.Body;

    public async Task<int> IngestAsync(IEnumerable<CaseRecord> cases, CancellationToken ct)
    {
        var total = 0;
        foreach (var batch in cases.Select(Clean).Chunk(BatchSize))
        {
            var vectors = await embedder.GenerateAsync(batch.Select(SearchText), cancellationToken: ct);
            await index.UpsertAsync(batch.Select((c, i) => new IndexedCase(c, vectors[i].Vector.ToArray())).ToList(), ct);
            total += batch.Length;
        }

        return total;
    }
}
