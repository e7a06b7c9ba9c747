using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Triage.Core.Retrieval;
using Triage.Retrieval.Embedded;
using Triage.Retrieval.Embedding;

namespace Triage.Benchmarks;

/// <summary>Embedding a ticket, and exact top-5 search over 10k, 100k and 1M cases in the embedded index.</summary>
[MemoryDiagnoser]
public class RetrievalBenchmarks
{
    private HashingEmbedder _embedder = null!;
    private EmbeddedCaseIndex _index = null!;
    private float[] _query = null!;
    private string _dir = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Cases { get; set; }

    private List<CaseRecord> _ingestBatch = null!;
    private Triage.Retrieval.Ingestion.CaseIngestion _ingestion = null!;
    private int _ingestRound;

    [GlobalSetup]
    public async Task Setup()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var corpus = Enumerable.Range(0, 2000).Select(i => SampleTickets.Mixed[i % SampleTickets.Mixed.Length] + " " + i).ToList();
        _embedder = new HashingEmbedder(IdfTable.Learn(corpus));
        _dir = Directory.CreateTempSubdirectory("triage-bench-").FullName;
        _index = new EmbeddedCaseIndex(Options.Create(new EmbeddedIndexOptions { DataDirectory = _dir, CompactAfterRecords = 10_000_000 }));
        await _index.EnsureReadyAsync(_embedder.Info, CancellationToken.None);
        var random = new Random(42);
        for (var start = 0; start < Cases; start += 1000)
        {
            var batch = Enumerable.Range(start, 1000).Select(i =>
            {
                var v = new float[_embedder.Dimension];
                for (var d = 0; d < 24; d++)
                {
                    v[random.Next(v.Length)] = (float)random.NextDouble();
                }

                var norm = MathF.Sqrt(v.Sum(x => x * x));
                for (var d = 0; d < v.Length; d++)
                {
                    v[d] /= norm;
                }

                return new IndexedCase(new CaseRecord(i % 10 == 0 ? "other" : "acme", $"c{i}", "ko", null, "", $"본문 {i}", $"답변 {i}", "refund", "get_refund", "normal", "refunded", DateTimeOffset.UnixEpoch), v);
            }).ToList();
            await _index.UpsertAsync(batch, CancellationToken.None);
        }

        _query = _embedder.Embed(SampleTickets.KoreanEmail1K);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        // Printed into the benchmark log: what the index costs in memory at this size.
        Console.WriteLine($"// index memory for {Cases} cases: {(after - before) / 1024.0 / 1024.0:F1} MB managed heap");
        _ingestion = new Triage.Retrieval.Ingestion.CaseIngestion(_embedder, _index);
        _ingestBatch = Enumerable.Range(0, 1000).Select(i => new CaseRecord("ingest", $"i{i}", "ko", null, "배송 문의",
            SampleTickets.Mixed[i % SampleTickets.Mixed.Length], "안녕하세요, 고객님. 주문하신 상품은 오늘 출고되었습니다. 감사합니다.",
            "order", "track_order", "normal", "answered", DateTimeOffset.UnixEpoch)).ToList();
    }

    /// <summary>1,000 realistic cases through redaction, embedding and a durable upsert: divide by the time for cases per second.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public Task<int> IngestPerCase() =>
        _ingestion.IngestAsync(_ingestBatch.Select(c => c with { CaseId = c.CaseId + "-" + _ingestRound++ }), CancellationToken.None);

    [GlobalCleanup]
    public void Cleanup()
    {
        _index.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    public float[] Embed1K() => _embedder.Embed(SampleTickets.KoreanEmail1K);

    [Benchmark]
    public Task<IReadOnlyList<CaseHit>> SearchTop5() =>
        _index.SearchAsync(new CaseQuery("acme", _query, 5, 0f, CaseFilter.None), CancellationToken.None);
}
