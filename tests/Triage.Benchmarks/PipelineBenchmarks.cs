using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Triage.Classifier.Bundle;
using Triage.Core.Classification;
using Triage.Core.Drafting;
using Triage.Core.Intake;
using Triage.Core.Retrieval;
using Triage.Core.Tickets;
using Triage.Drafting.Composer;
using Triage.Retrieval.Embedded;
using Triage.Retrieval.Embedding;
using Triage.Retrieval.Ingestion;
using Triage.Retrieval.Search;
using Triage.Retrieval.Seeding;

namespace Triage.Benchmarks;

/// <summary>
/// The in-process triage path on the shipped model and the shipped resolved cases: classify, search
/// and rank, compose, and all of it together (what TriageTicket does between the wire and the wire).
/// Run from the repository root, so models/ and training-data/ are found.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private IClassifierModel _model = null!;
    private SimilarCaseSearch _search = null!;
    private EmbeddedCaseIndex _index = null!;
    private PreparedTicket _ticket = null!;
    private TicketClassification _classification = null!;
    private IReadOnlyList<SimilarCase> _cases = null!;
    private readonly RetrievalComposer _composer = new();
    private string _dir = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var root = FindRoot();
        _model = new ModelBundleLoader().Load(Path.Combine(root, "models", "active", "model.zip"));
        var data = Path.Combine(root, "training-data");
        _dir = Directory.CreateTempSubdirectory("triage-bench-").FullName;
        var idf = await LocalEmbedderProvisioning.LoadOrLearnAsync(_dir, data, CancellationToken.None);
        var embedder = new HashingEmbedder(idf);
        _index = new EmbeddedCaseIndex(Options.Create(new EmbeddedIndexOptions { DataDirectory = Path.Combine(_dir, "index") }));
        await _index.EnsureReadyAsync(embedder.Info, CancellationToken.None);
        var cases = await SeedCorpus.ReadCasesAsync(data, CancellationToken.None);
        await new CaseIngestion(embedder, _index).IngestAsync(cases.Select(c => SeedCorpus.ToRecord(c, "bench")), CancellationToken.None);
        _search = new SimilarCaseSearch(embedder, _index, new KeyTerms(idf), Options.Create(new RetrievalOptions()));
        _ticket = TicketPreparer.Prepare(new Ticket("T-1", "배송 문의", SampleTickets.KoreanEmail1K, Channel.Email));
        _classification = Classify();
        _cases = await SearchAndRank();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _index.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    public TicketClassification Classify() => _model.Classify(new ClassifierInput(_ticket.Text.Text, _ticket.Language, _ticket.Ticket.Channel));

    [Benchmark]
    public Task<IReadOnlyList<SimilarCase>> SearchAndRank() => _search.FindAsync("bench", _ticket.Redacted.Text, 3, 0, CaseFilter.None,
        RankingHintsFrom.Prediction(_classification), CancellationToken.None);

    [Benchmark]
    public DraftResult Compose() => _composer.Compose(DraftRequest.From(_ticket, _classification, TimeSpan.FromHours(24),
        _cases.Select(c => new GroundingCase(c.Case, c.Score)).ToList()));

    [Benchmark]
    public async Task<DraftResult> WholeTriagePath()
    {
        var prepared = TicketPreparer.Prepare(_ticket.Ticket);
        var classification = _model.Classify(new ClassifierInput(prepared.Text.Text, prepared.Language, prepared.Ticket.Channel));
        var cases = await _search.FindAsync("bench", prepared.Redacted.Text, 3, 0, CaseFilter.None,
            RankingHintsFrom.Prediction(classification), CancellationToken.None);
        return _composer.Compose(DraftRequest.From(prepared, classification, TimeSpan.FromHours(24), cases.Select(c => new GroundingCase(c.Case, c.Score)).ToList()));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(Environment.CurrentDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Triage.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}
