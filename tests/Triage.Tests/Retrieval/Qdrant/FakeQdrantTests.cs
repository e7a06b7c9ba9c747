using Grpc.Core;
using Grpc.Net.Client;
using Triage.Retrieval.Qdrant.Wire;
using Triage.Tests.Retrieval.Qdrant.Fake;

namespace Triage.Tests.Retrieval.Qdrant;

/// <summary>
/// The fake server against Qdrant's documented semantics, through raw wire clients: the behaviour suite is
/// only as good as the fake it runs against.
/// </summary>
public sealed class FakeQdrantTests : IAsyncLifetime
{
    private const string Name = "fake_semantics";
    private FakeQdrantServer _server = null!;
    private GrpcChannel _channel = null!;
    private Points.PointsClient _points = null!;
    private Collections.CollectionsClient _collections = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeQdrantServer.StartAsync();
        _channel = GrpcChannel.ForAddress(_server.Address);
        _points = new Points.PointsClient(_channel);
        _collections = new Collections.CollectionsClient(_channel);
        await _collections.CreateAsync(new CreateCollection
        {
            CollectionName = Name,
            VectorsConfig = new VectorsConfig { Params = new VectorParams { Size = 2, Distance = Distance.Cosine } },
        });
        await UpsertAsync(wait: true,
            Point(1, [1, 0], ("tag", "a"), ("n", 1)),
            Point(2, [1, 1], ("tag", "b"), ("n", 2)),
            Point(3, [0, 1], ("tag", "c"), ("n", 3)),
            Point(4, [-1, 0], ("tag", "a"), ("n", 4)));
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Query_orders_by_cosine_applies_the_threshold_then_the_limit_and_returns_payload_only_when_asked()
    {
        var all = await QueryAsync(new Filter(), threshold: null, limit: 10, withPayload: false);
        Assert.Equal([1ul, 2, 3, 4], all.Select(p => p.Id.Num));
        Assert.Equal(1f, all[0].Score, 4);
        Assert.Equal(-1f, all[3].Score, 4);
        Assert.All(all, p => Assert.Empty(p.Payload));

        var cut = await QueryAsync(new Filter(), threshold: 0f, limit: 2, withPayload: true);
        Assert.Equal([1ul, 2], cut.Select(p => p.Id.Num));
        Assert.Equal("a", cut[0].Payload["tag"].StringValue);
    }

    [Fact]
    public async Task Filters_combine_must_should_and_must_not_with_keyword_and_range_conditions()
    {
        var filter = new Filter
        {
            Should = { Keyword("tag", "a"), Keyword("tag", "b") },
            MustNot = { new Condition { HasId = new HasIdCondition { HasId = { new PointId { Num = 4 } } } } },
            Must = { new Condition { Field = new FieldCondition { Key = "n", Range = new Triage.Retrieval.Qdrant.Wire.Range { Gte = 1, Lt = 3 } } } },
        };
        Assert.Equal([1ul, 2], (await QueryAsync(filter, null, 10, false)).Select(p => p.Id.Num));
        Assert.Equal(2ul, (await _points.CountAsync(new CountPoints { CollectionName = Name, Filter = filter, Exact = true })).Result.Count);
        Assert.Empty(await QueryAsync(new Filter { Must = { Keyword("missing", "a") } }, null, 10, false));
    }

    [Fact]
    public async Task A_write_without_wait_is_acknowledged_but_not_yet_visible()
    {
        var response = await UpsertAsync(wait: false, Point(5, [1, 0], ("tag", "late"), ("n", 5)));
        Assert.Equal(UpdateStatus.Acknowledged, response.Result.Status);
        Assert.Empty(await QueryAsync(new Filter { Must = { Keyword("tag", "late") } }, null, 10, false));

        // A later waited write applies every earlier pending one first.
        Assert.Equal(UpdateStatus.Completed, (await UpsertAsync(wait: true, Point(6, [1, 0], ("tag", "x"), ("n", 6)))).Result.Status);
        Assert.Single(await QueryAsync(new Filter { Must = { Keyword("tag", "late") } }, null, 10, false));
    }

    [Fact]
    public async Task Upsert_overwrites_by_id_and_rejects_a_wrong_dimension_or_id()
    {
        await UpsertAsync(wait: true, Point(1, [0, 1], ("tag", "z"), ("n", 9)));
        var got = await _points.GetAsync(new GetPoints { CollectionName = Name, Ids = { new PointId { Num = 1 } }, WithPayload = new WithPayloadSelector { Enable = true } });
        Assert.Equal("z", Assert.Single(got.Result).Payload["tag"].StringValue);
        Assert.Equal(4ul, (await _points.CountAsync(new CountPoints { CollectionName = Name, Exact = true })).Result.Count);

        var tooLong = await Assert.ThrowsAsync<RpcException>(() => UpsertAsync(wait: true, Point(7, [1, 0, 0])));
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
        var badId = new PointStruct { Id = new PointId { Uuid = "not-a-uuid" }, Vectors = new Vectors { Vector = new Vector { Data = { 1, 0 } } } };
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => _points.UpsertAsync(
            new UpsertPoints { CollectionName = Name, Wait = true, Points = { badId } }).ResponseAsync)).StatusCode);
    }

    [Fact]
    public async Task Missing_and_duplicate_collections_answer_like_Qdrant()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() => _collections.GetAsync(new GetCollectionInfoRequest { CollectionName = "nope" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var duplicate = await Assert.ThrowsAsync<RpcException>(() => _collections.CreateAsync(new CreateCollection
        {
            CollectionName = Name,
            VectorsConfig = new VectorsConfig { Params = new VectorParams { Size = 2, Distance = Distance.Cosine } },
        }).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
        Assert.Equal(4ul, (await _collections.GetAsync(new GetCollectionInfoRequest { CollectionName = Name })).Result.PointsCount);
    }

    private async Task<IReadOnlyList<ScoredPoint>> QueryAsync(Filter filter, float? threshold, ulong limit, bool withPayload)
    {
        var request = new QueryPoints
        {
            CollectionName = Name,
            Query = new Query { Nearest = new VectorInput { Dense = new DenseVector { Data = { 1, 0 } } } },
            Filter = filter,
            Limit = limit,
            WithPayload = new WithPayloadSelector { Enable = withPayload },
        };
        if (threshold is { } t)
        {
            request.ScoreThreshold = t;
        }

        return (await _points.QueryAsync(request)).Result;
    }

    private async Task<PointsOperationResponse> UpsertAsync(bool wait, params PointStruct[] points) =>
        await _points.UpsertAsync(new UpsertPoints { CollectionName = Name, Wait = wait, Points = { points } });

    private static PointStruct Point(ulong id, float[] vector, params (string Key, object Value)[] payload)
    {
        var point = new PointStruct { Id = new PointId { Num = id }, Vectors = new Vectors { Vector = new Vector { Data = { vector } } } };
        foreach (var (key, value) in payload)
        {
            point.Payload[key] = value is int n ? new Value { IntegerValue = n } : new Value { StringValue = (string)value };
        }

        return point;
    }

    private static Condition Keyword(string key, string value) =>
        new() { Field = new FieldCondition { Key = key, Match = new Match { Keyword = value } } };
}
