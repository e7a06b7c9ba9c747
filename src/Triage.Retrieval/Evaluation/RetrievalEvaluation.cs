using Microsoft.Extensions.Options;
using Triage.Core.Retrieval;
using Triage.Core.Text;
using Triage.Corpus;
using Triage.Retrieval.Embedded;
using Triage.Retrieval.Embedding;
using Triage.Retrieval.Ingestion;
using Triage.Retrieval.Search;
using Triage.Retrieval.Seeding;

namespace Triage.Retrieval.Evaluation;

/// <summary>
/// The retrieval quality figure: for each held-out ticket, does at least one of the top K cases share
/// its intent? The resolved cases go into a scratch embedded index (IDF learned without the held-out
/// tickets), and ranking hints come from a classifier when one is given, as in the service.
/// </summary>
public static class RetrievalEvaluation
{
    public sealed record Result(string Language, int Tickets, int Hits, int SameIntentTop1)
    {
        public double HitRate => Tickets == 0 ? 0 : (double)Hits / Tickets;

        public double Top1Rate => Tickets == 0 ? 0 : (double)SameIntentTop1 / Tickets;
    }

    /// <param name="observe">Called with each held-out ticket, its normalized text and the cases found, e.g. to draft from them.</param>
    public static async Task<IReadOnlyList<Result>> RunAsync(
        string dataDirectory, int topK, Func<LabeledTicketRecord, string, RankingHints>? hints, CancellationToken ct,
        Action<LabeledTicketRecord, string, IReadOnlyList<SimilarCase>>? observe = null)
    {
        var layout = new CorpusLayout(dataDirectory);
        var heldOut = await HeldOutSplit.LoadAsync(layout.TestSplit, ct);
        var scratch = Directory.CreateTempSubdirectory("triage-retrieval-eval-");
        try
        {
            var idf = await LocalEmbedderProvisioning.LoadOrLearnAsync(scratch.FullName, dataDirectory, ct);
            var embedder = new HashingEmbedder(idf);
            using var index = new EmbeddedCaseIndex(Options.Create(new EmbeddedIndexOptions { DataDirectory = Path.Combine(scratch.FullName, "index") }));
            await index.EnsureReadyAsync(embedder.Info, ct);
            var cases = await SeedCorpus.ReadCasesAsync(dataDirectory, ct);
            await new CaseIngestion(embedder, index).IngestAsync(cases.Select(c => SeedCorpus.ToRecord(c, "eval")), ct);
            var search = new SimilarCaseSearch(embedder, index, new KeyTerms(idf), Options.Create(new RetrievalOptions()));

            var issues = new List<CorpusIssue>();
            var tally = new Dictionary<string, (int Tickets, int Hits, int Top1)>(StringComparer.Ordinal);
            foreach (var file in layout.TicketFiles())
            {
                await foreach (var item in JsonLines.ReadAsync<LabeledTicketRecord>(file, issues, ct))
                {
                    var t = item.Record;
                    if (!heldOut.Contains(t.Id))
                    {
                        continue;
                    }

                    var text = CaseIngestion.Clean(new CaseRecord("eval", t.Id, t.Language, null, t.Subject, t.Body, "", "", "", "", "", default));
                    var query = CaseIngestion.SearchText(text);
                    var normalized = TextNormalizer.Instance.Normalize(t.Subject, t.Body).Text;
                    var found = await search.FindAsync("eval", query, topK, 0.01f, CaseFilter.None, hints?.Invoke(t, normalized) ?? RankingHints.None, ct);
                    observe?.Invoke(t, normalized, found);
                    var (n, h, top1) = tally.GetValueOrDefault(t.Language);
                    tally[t.Language] = (n + 1, h + (found.Any(f => f.Case.Intent == t.Intent) ? 1 : 0), top1 + (found.Count > 0 && found[0].Case.Intent == t.Intent ? 1 : 0));
                }
            }

            return tally.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new Result(kv.Key, kv.Value.Tickets, kv.Value.Hits, kv.Value.Top1)).ToList();
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
