using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Triage.Core.Retrieval;
using Triage.Retrieval.Embedded;
using Triage.Retrieval.Embedding;

namespace Triage.Benchmarks;

/// <summary>Embedding a ticket, and exact top-5 search over 10k and 100k cases in the embedded index.</summary>
[MemoryDiagnoser]
public class RetrievalBenchmarks
{
    private HashingEmbedder _embedder = null!;
    private EmbeddedCaseIndex _index = null!;
    private float[] _query = null!;
    private string _dir = null!;

    [Params(10_000, 100_000)]
    public int Cases { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
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
    }

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
