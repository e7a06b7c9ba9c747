using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Triage.Core.Retrieval;
using Triage.Retrieval.Qdrant.Wire;
using QdrantService = Triage.Retrieval.Qdrant.Wire.Qdrant;

namespace Triage.Retrieval.Qdrant;

/// <summary>
/// The case index on Qdrant, over Qdrant's own gRPC API, for deployments that outgrow the embedded index
/// (many replicas sharing one store, a cluster with replicated shards). All tenants share one collection;
/// every read filters on the tenant, and every write waits until it is searchable.
/// </summary>
public sealed class QdrantCaseIndex : ICaseIndex, IDisposable, IAsyncDisposable
{
    private readonly QdrantOptions _options;
    private readonly GrpcChannel _channel;
    private readonly Points.PointsClient _points;
    private readonly QdrantCalls _calls;
    private readonly QdrantCollectionSetup _setup;
    private readonly SemaphoreSlim _setupGate = new(1, 1);
    private volatile EmbedderInfo? _embedder;
    private volatile bool _verified;

    public QdrantCaseIndex(IOptions<QdrantOptions> options, ILogger<QdrantCaseIndex>? logger = null)
    {
        _options = options.Value;
        QdrantOptionsValidator.ThrowIfInvalid(_options);
        var log = logger ?? (ILogger)NullLogger.Instance;
        if (_options.ApiKey is not null && _options.Address.Scheme == Uri.UriSchemeHttp && !_options.Address.IsLoopback)
        {
            log.LogWarning("The Qdrant API key is sent in clear text to {Address}; use https:// for a remote server", _options.Address);
        }

        _channel = GrpcChannel.ForAddress(_options.Address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                ConnectTimeout = _options.Deadline,
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                KeepAlivePingDelay = TimeSpan.FromSeconds(60),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            },
        });
        _points = new Points.PointsClient(_channel);
        _calls = new QdrantCalls(_options, log);
        _setup = new QdrantCollectionSetup(_options, _calls, new Collections.CollectionsClient(_channel), _points,
            new QdrantService.QdrantClient(_channel), log);
    }

    public async Task EnsureReadyAsync(EmbedderInfo embedder, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(embedder.Dimension, 1, nameof(embedder));
        if (_verified && _embedder == embedder)
        {
            return;
        }

        await _setupGate.WaitAsync(ct);
        try
        {
            // Anything but a repeat of what was verified goes to the server: the collection is shared, so
            // another replica may have built it for another embedder, or it may have been dropped since.
            await _setup.EnsureAsync(embedder, ct);
            _embedder = embedder;
            _verified = true;
        }
        finally
        {
            _setupGate.Release();
        }
    }

    public async Task UpsertAsync(IReadOnlyList<IndexedCase> cases, CancellationToken ct)
    {
        var dimension = RequireReady().Dimension;
        foreach (var item in cases)
        {
            if (item.Vector.Length != dimension)
            {
                throw new ArgumentException($"Case '{item.Case.CaseId}' has a {item.Vector.Length}-dimensional vector; the index holds {dimension}.", nameof(cases));
            }
        }

        foreach (var batch in cases.Chunk(_options.UpsertBatchSize))
        {
            var request = new UpsertPoints { CollectionName = _options.Collection, Wait = true, Timeout = ServerTimeoutSeconds };
            request.Points.AddRange(batch.Select(ToPoint));
            await Guard(() => _calls.WriteAsync($"upsert of {batch.Length} cases", o => _points.UpsertAsync(request, o).ResponseAsync, ct));
        }
    }

    public async Task<bool> DeleteAsync(string tenant, string caseId, CancellationToken ct)
    {
        RequireReady();
        var id = CasePointIds.For(tenant, caseId);
        var get = new GetPoints
        {
            CollectionName = _options.Collection,
            Ids = { id },
            WithPayload = new WithPayloadSelector { Enable = false },
            WithVectors = new WithVectorsSelector { Enable = false },
        };
        var found = await Guard(() => _calls.ReadAsync("get case", o => _points.GetAsync(get, o).ResponseAsync, ct));
        if (found.Result.Count == 0)
        {
            return false;
        }

        var delete = new DeletePoints
        {
            CollectionName = _options.Collection,
            Wait = true,
            Points = new PointsSelector { Points = new PointsIdsList { Ids = { id } } },
        };
        await Guard(() => _calls.WriteAsync("delete case", o => _points.DeleteAsync(delete, o).ResponseAsync, ct));
        return true;
    }

    public async Task<IReadOnlyList<CaseHit>> SearchAsync(CaseQuery query, CancellationToken ct)
    {
        var dimension = RequireReady().Dimension;
        if (query.Vector.Length != dimension)
        {
            throw new ArgumentException($"The query vector has {query.Vector.Length} dimensions; the index holds {dimension}.", nameof(query));
        }

        if (query.TopK <= 0)
        {
            return [];
        }

        var nearest = new DenseVector();
        nearest.Data.Add(query.Vector);
        var request = new QueryPoints
        {
            CollectionName = _options.Collection,
            Query = new Query { Nearest = new VectorInput { Dense = nearest } },
            Filter = CaseFilters.For(query.Tenant, query.Filter),
            ScoreThreshold = query.MinSimilarity,
            Limit = (ulong)query.TopK,
            WithPayload = new WithPayloadSelector { Enable = true },
            Timeout = ServerTimeoutSeconds,
        };
        var response = await Guard(() => _calls.ReadAsync("search (Query)", o => _points.QueryAsync(request, o).ResponseAsync, ct));

        var hits = new List<CaseHit>(response.Result.Count);
        foreach (var point in response.Result)
        {
            // The tenant check repeats the server-side filter on purpose: one tenant must never see another's case.
            if (CasePayload.Read(point.Payload) is { } found && found.Tenant == query.Tenant && point.Score >= query.MinSimilarity)
            {
                hits.Add(new CaseHit(found, point.Score));
            }
        }

        return hits;
    }

    public async Task<long> CountAsync(string tenant, CancellationToken ct)
    {
        RequireReady();
        var request = new CountPoints { CollectionName = _options.Collection, Filter = CaseFilters.ForTenant(tenant), Exact = true };
        var response = await Guard(() => _calls.ReadAsync("count cases", o => _points.CountAsync(request, o).ResponseAsync, ct));
        return (long)(response.Result?.Count ?? 0);
    }

    public void Dispose()
    {
        _channel.Dispose();
        _setupGate.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The server-side wait, in whole seconds, matching the client's deadline so both give up together.</summary>
    private ulong ServerTimeoutSeconds => (ulong)Math.Max(1, Math.Ceiling(_options.Deadline.TotalSeconds));

    private EmbedderInfo RequireReady() =>
        _embedder ?? throw new InvalidOperationException("The Qdrant case index is not ready: call EnsureReadyAsync first.");

    /// <summary>A collection dropped under a running index makes the next EnsureReadyAsync check the server
    /// again (and recreate it) instead of trusting what it verified at start-up.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (CaseIndexException e) when (e.InnerException is RpcException { StatusCode: StatusCode.NotFound })
        {
            _verified = false;
            throw;
        }
    }

    private async Task Guard(Func<Task> call) => await Guard(async () =>
    {
        await call();
        return true;
    });

    private static PointStruct ToPoint(IndexedCase item)
    {
        var vector = new Vector();
        vector.Data.Add(item.Vector);
        var point = new PointStruct { Id = CasePointIds.For(item.Case.Tenant, item.Case.CaseId), Vectors = new Vectors { Vector = vector } };
        CasePayload.Write(item.Case, point.Payload);
        return point;
    }
}
