using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Triage.Core.Health;
using Triage.Core.Retrieval;
using Triage.Retrieval.Embedding;
using Triage.Retrieval.Embedding.Remote;
using Triage.Retrieval.Ingestion;
using Triage.Retrieval.Search;
using Triage.Retrieval.Seeding;

namespace Triage.Server.Retrieval;

/// <summary>
/// Brings retrieval up at start-up: the embedder (local, with its IDF table provisioned on first start),
/// the case index checked against that embedder, and the shipped cases seeded into an empty index.
/// Until that has succeeded the search and ingestion it hands out are absent, readiness says why, and
/// calls degrade rather than fail.
/// </summary>
public sealed class RetrievalRuntime(
    ICaseIndex index,
    IOptions<RetrievalOptions> options,
    IOptions<Triage.Retrieval.Embedded.EmbeddedIndexOptions> embeddedOptions,
    IHostEnvironment environment,
    ILogger<RetrievalRuntime> logger,
    IOptions<RetrievalSelectionOptions> selection,
    IOptions<RemoteEmbeddingOptions> remoteOptions) : IReadinessProbe
{
    private volatile Ready? _ready;
    private string _state = "starting";

    private sealed record Ready(SimilarCaseSearch Search, CaseIngestion Ingestion, EmbedderInfo Embedder);

    public string Name => "index";

    public SimilarCaseSearch? Search => _ready?.Search;

    public CaseIngestion? Ingestion => _ready?.Ingestion;

    public EmbedderInfo? Embedder => _ready?.Embedder;

    public ICaseIndex Index => index;

    public Readiness Check() => _ready is not null ? Readiness.Ready(_state) : Readiness.NotReady(_state);

    public async Task InitializeAsync(CancellationToken ct)
    {
        try
        {
            var seedDirectory = ResolveSeedDirectory();
            var indexDirectory = Path.GetFullPath(embeddedOptions.Value.DataDirectory, environment.ContentRootPath);
            var idf = await LocalEmbedderProvisioning.LoadOrLearnAsync(indexDirectory, seedDirectory, ct);
            // A configured remote (semantic) embedder replaces the local one; the IDF table still explains matches.
            var remote = selection.Value.EmbeddingProvider == EmbeddingProvider.Remote ? RemoteEmbeddingFactory.Create(remoteOptions.Value) : null;
            IEmbeddingGenerator<string, Embedding<float>> embedder = remote is not null ? remote : new HashingEmbedder(idf);
            var info = remote?.Info ?? ((HashingEmbedder)embedder).Info;
            await index.EnsureReadyAsync(info, ct);
            var ingestion = new CaseIngestion(embedder, index);
            await SeedAsync(ingestion, seedDirectory, ct);
            _ready = new Ready(new SimilarCaseSearch(embedder, index, new KeyTerms(idf), options), ingestion, info);
            _state = $"ready with embedder {info.Id}";
        }
        catch (Exception ex) when (ex is CaseIndexException or RemoteEmbeddingException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            _state = $"case index unavailable: {ex.Message}";
            logger.LogError(ex, "Retrieval could not start; similar-case search is degraded until it does");
        }
    }

    private string? ResolveSeedDirectory() => string.IsNullOrWhiteSpace(options.Value.SeedDirectory)
        ? null
        : Path.GetFullPath(options.Value.SeedDirectory, environment.ContentRootPath);

    private async Task SeedAsync(CaseIngestion ingestion, string? seedDirectory, CancellationToken ct)
    {
        if (seedDirectory is null || !Directory.Exists(seedDirectory))
        {
            return;
        }

        IReadOnlyList<Triage.Corpus.ResolvedCaseRecord>? cases = null;
        foreach (var tenant in options.Value.SeedTenants)
        {
            if (await index.CountAsync(tenant, ct) > 0)
            {
                continue;
            }

            cases ??= await SeedCorpus.ReadCasesAsync(seedDirectory, ct);
            var count = await ingestion.IngestAsync(cases.Select(c => SeedCorpus.ToRecord(c, tenant)), ct);
            logger.LogInformation("Seeded tenant {Tenant} with {Count} resolved cases from {Directory}", tenant, count, seedDirectory);
        }
    }
}
