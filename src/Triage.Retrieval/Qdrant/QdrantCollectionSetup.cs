using Grpc.Core;
using Microsoft.Extensions.Logging;
using Triage.Core.Retrieval;
using Triage.Retrieval.Qdrant.Wire;
using QdrantService = Triage.Retrieval.Qdrant.Wire.Qdrant;

namespace Triage.Retrieval.Qdrant;

/// <summary>
/// First use of a collection: refuse a server too old for Query, create the collection (cosine, the
/// embedder's dimension) and its payload indexes when missing, and refuse a collection built for
/// another dimension or embedder. The embedder's id is kept in a marker point, because the collection
/// itself only knows its dimension and two embedders can share one.
/// </summary>
internal sealed class QdrantCollectionSetup(
    QdrantOptions options,
    QdrantCalls calls,
    Collections.CollectionsClient collections,
    Points.PointsClient points,
    QdrantService.QdrantClient server,
    ILogger logger)
{
    private const string MarkerKey = "triage_marker";
    private const string MarkerEmbedderKey = "embedder_id";
    private const string MarkerDimensionKey = "dimension";

    private string Where => $"Qdrant collection '{options.Collection}' at {options.Address}";

    public async Task EnsureAsync(EmbedderInfo embedder, CancellationToken ct)
    {
        var version = await ServerVersionAsync(ct);
        var info = await GetOrCreateAsync(embedder, ct);
        RefuseOtherVectors(info, embedder);
        await EnsureIndexesAsync(info, version, ct);
        await EnsureMarkerAsync(embedder, ct);
    }

    private async Task<Version?> ServerVersionAsync(CancellationToken ct)
    {
        HealthCheckReply reply;
        try
        {
            reply = await calls.ReadAsync("HealthCheck", o => server.HealthCheckAsync(new HealthCheckRequest(), o).ResponseAsync, ct);
        }
        catch (CaseIndexException e) when (e.InnerException is RpcException { StatusCode: StatusCode.Unimplemented })
        {
            // A proxy in front of Qdrant may not route the health service; Query's own Unimplemented still says "too old".
            return null;
        }

        var version = QdrantServerVersion.Parse(reply.Version);
        if (version is not null && version < QdrantServerVersion.MinimumForQuery)
        {
            throw new CaseIndexException($"Qdrant at {options.Address} is version {reply.Version}: {QdrantErrors.TooOld}", transient: false);
        }

        logger.LogInformation("Qdrant at {Address} is version {Version}", options.Address, reply.Version);
        return version;
    }

    private async Task<CollectionInfo> GetOrCreateAsync(EmbedderInfo embedder, CancellationToken ct)
    {
        if (await TryGetAsync(ct) is { } existing)
        {
            return existing;
        }

        var create = new CreateCollection
        {
            CollectionName = options.Collection,
            VectorsConfig = new VectorsConfig { Params = new VectorParams { Size = (ulong)embedder.Dimension, Distance = Distance.Cosine } },
        };
        if (options.ReplicationFactor is { } replication)
        {
            create.ReplicationFactor = replication;
        }

        if (options.WriteConsistencyFactor is { } consistency)
        {
            create.WriteConsistencyFactor = consistency;
        }

        try
        {
            await calls.ReadAsync("create collection", o => collections.CreateAsync(create, o).ResponseAsync, ct);
            logger.LogInformation("Created {Where} for embedder {Embedder} ({Dimension} dimensions)", Where, embedder.Id, embedder.Dimension);
        }
        catch (CaseIndexException e) when (AlreadyExists(e))
        {
            // Another replica created it first, or our own earlier attempt did and its answer was lost.
        }

        return await TryGetAsync(ct) ?? throw new CaseIndexException($"{Where} was created but cannot be read back", transient: true);
    }

    private async Task<CollectionInfo?> TryGetAsync(CancellationToken ct)
    {
        try
        {
            var request = new GetCollectionInfoRequest { CollectionName = options.Collection };
            var response = await calls.ReadAsync("get collection", o => collections.GetAsync(request, o).ResponseAsync, ct);
            return response.Result ?? throw new CaseIndexException($"{Where}: the server returned no collection info", transient: false);
        }
        catch (CaseIndexException e) when (e.InnerException is RpcException { StatusCode: StatusCode.NotFound })
        {
            return null;
        }
    }

    private void RefuseOtherVectors(CollectionInfo info, EmbedderInfo embedder)
    {
        var vectors = info.Config?.Params?.VectorsConfig;
        if (vectors?.ConfigCase != VectorsConfig.ConfigOneofCase.Params)
        {
            throw new CaseIndexException(
                $"{Where} uses named vectors; Triage needs a collection with one unnamed {embedder.Dimension}-dimensional cosine vector. Set Qdrant:Collection to a new name.",
                transient: false);
        }

        if (vectors.Params.Size != (ulong)embedder.Dimension)
        {
            throw new CaseIndexException(
                $"{Where} holds {vectors.Params.Size}-dimensional vectors, but embedder '{embedder.Id}' produces {embedder.Dimension}-dimensional ones. " +
                "Ingest into a new collection (set Qdrant:Collection) or delete this one to rebuild it.",
                transient: false);
        }

        if (vectors.Params.Distance != Distance.Cosine)
        {
            throw new CaseIndexException(
                $"{Where} compares vectors by {vectors.Params.Distance}, not Cosine, so its scores are not similarities. Set Qdrant:Collection to a new name.",
                transient: false);
        }
    }

    private async Task EnsureIndexesAsync(CollectionInfo info, Version? version, CancellationToken ct)
    {
        foreach (var field in CasePayload.KeywordFields.Where(f => !info.PayloadSchema.ContainsKey(f)))
        {
            var tenantIndex = field == CasePayload.Tenant && (version is null || version >= QdrantServerVersion.MinimumForTenantIndex);
            await CreateIndexAsync(field, FieldType.Keyword, tenantIndex, ct);
        }

        if (!info.PayloadSchema.ContainsKey(CasePayload.ResolvedAt))
        {
            await CreateIndexAsync(CasePayload.ResolvedAt, FieldType.Float, tenantIndex: false, ct);
        }
    }

    private async Task CreateIndexAsync(string field, FieldType type, bool tenantIndex, CancellationToken ct)
    {
        var request = new CreateFieldIndexCollection { CollectionName = options.Collection, Wait = true, FieldName = field, FieldType = type };
        if (tenantIndex)
        {
            request.FieldIndexParams = new PayloadIndexParams { KeywordIndexParams = new KeywordIndexParams { IsTenant = true } };
        }

        try
        {
            await calls.WriteAsync($"create payload index '{field}'", o => points.CreateFieldIndexAsync(request, o).ResponseAsync, ct);
        }
        catch (CaseIndexException e) when (tenantIndex && e.InnerException is RpcException { StatusCode: StatusCode.InvalidArgument })
        {
            // A server that reports no version and predates is_tenant: a plain keyword index still filters correctly.
            logger.LogWarning("Qdrant refused is_tenant on '{Field}' ({Detail}); creating a plain keyword index", field, e.Message);
            await CreateIndexAsync(field, type, tenantIndex: false, ct);
        }
    }

    private async Task EnsureMarkerAsync(EmbedderInfo embedder, CancellationToken ct)
    {
        var get = new GetPoints
        {
            CollectionName = options.Collection,
            Ids = { CasePointIds.Marker },
            WithPayload = new WithPayloadSelector { Enable = true },
            WithVectors = new WithVectorsSelector { Enable = false },
        };
        var found = await calls.ReadAsync("read embedder marker", o => points.GetAsync(get, o).ResponseAsync, ct);
        if (found.Result.Count > 0)
        {
            var payload = found.Result[0].Payload;
            var builtBy = payload.TryGetValue(MarkerEmbedderKey, out var id) ? id.StringValue : "";
            if (builtBy != embedder.Id)
            {
                throw new CaseIndexException(
                    $"{Where} was built by embedder '{builtBy}', not '{embedder.Id}': vectors from different embedders must not mix. " +
                    "Ingest into a new collection (set Qdrant:Collection) or delete this one to rebuild it.",
                    transient: false);
            }

            return;
        }

        // No marker: either we were interrupted between creating the collection and writing it (then the
        // collection is empty), or the collection was not built by Triage and we must not adopt it.
        var count = new CountPoints { CollectionName = options.Collection, Exact = true };
        var existing = (await calls.ReadAsync("count points", o => points.CountAsync(count, o).ResponseAsync, ct)).Result?.Count ?? 0;
        if (existing > 0)
        {
            throw new CaseIndexException(
                $"{Where} holds {existing} points but no Triage embedder marker, so its vectors' embedder is unknown. " +
                "Set Qdrant:Collection to a new name, or delete this collection to rebuild it.",
                transient: false);
        }

        var upsert = new UpsertPoints { CollectionName = options.Collection, Wait = true, Points = { Marker(embedder) } };
        await calls.WriteAsync("write embedder marker", o => points.UpsertAsync(upsert, o).ResponseAsync, ct);
    }

    private static PointStruct Marker(EmbedderInfo embedder)
    {
        // The collection requires a vector on every point; any non-zero one will do for a point no search can reach.
        var vector = new Vector();
        vector.Data.Add(1f);
        vector.Data.Add(new float[embedder.Dimension - 1]);
        return new PointStruct
        {
            Id = CasePointIds.Marker,
            Vectors = new Vectors { Vector = vector },
            Payload =
            {
                [MarkerKey] = new Value { StringValue = "embedder" },
                [MarkerEmbedderKey] = new Value { StringValue = embedder.Id },
                [MarkerDimensionKey] = new Value { IntegerValue = embedder.Dimension },
            },
        };
    }

    private static bool AlreadyExists(CaseIndexException e) => e.InnerException is RpcException r
        && (r.StatusCode == StatusCode.AlreadyExists
            || (r.StatusCode == StatusCode.InvalidArgument && r.Status.Detail.Contains("already exists", StringComparison.OrdinalIgnoreCase)));
}
