using Triage.Core.Retrieval;
using Triage.Core.Tickets;
using Triage.Retrieval.Qdrant;
using Triage.Retrieval.Qdrant.Wire;
using Triage.Tests.Retrieval.Qdrant.Fake;

namespace Triage.Tests.Retrieval.Qdrant;

/// <summary>What the index actually puts on the wire, as the fake server received it.</summary>
public sealed class QdrantWireTests : IAsyncLifetime
{
    private const string Key = "wire-test-key";
    private static readonly EmbedderInfo Embedder = new("test-embedder-v1", 4);
    private FakeQdrantServer _server = null!;
    private QdrantOptions _options = null!;
    private QdrantCaseIndex _index = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeQdrantServer.StartAsync(apiKey: Key);
        _options = FakeQdrantFixture.Options(_server.Address, adjust: o =>
        {
            o.ApiKey = Key;
            o.UpsertBatchSize = 2;
        });
        _index = FakeQdrantFixture.Index(_options);
        await _index.EnsureReadyAsync(Embedder, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _index.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task First_use_creates_a_cosine_collection_with_a_tenant_index_and_filter_indexes_and_a_restart_creates_nothing()
    {
        var create = Assert.Single(_server.Faults.Requests<CreateCollection>(QdrantMethods.CreateCollection));
        Assert.Equal((4ul, Distance.Cosine), (create.VectorsConfig.Params.Size, create.VectorsConfig.Params.Distance));
        Assert.Equal((true, PayloadSchemaType.Keyword), _server.Store.IndexOf(_options.Collection, "tenant"));
        foreach (var field in new[] { "category", "intent", "language", "channel" })
        {
            Assert.Equal((false, PayloadSchemaType.Keyword), _server.Store.IndexOf(_options.Collection, field));
        }

        Assert.Equal((false, PayloadSchemaType.Float), _server.Store.IndexOf(_options.Collection, "resolved_at"));
        Assert.All(_server.Faults.Requests<CreateFieldIndexCollection>(QdrantMethods.CreateFieldIndex), r => Assert.True(r.Wait));

        var writesBefore = _server.Faults.Calls.Count(c => c.Method is QdrantMethods.CreateCollection or QdrantMethods.CreateFieldIndex or QdrantMethods.Upsert);
        await using var restarted = FakeQdrantFixture.Index(_options);
        await restarted.EnsureReadyAsync(Embedder, CancellationToken.None);
        Assert.Equal(writesBefore, _server.Faults.Calls.Count(c => c.Method is QdrantMethods.CreateCollection or QdrantMethods.CreateFieldIndex or QdrantMethods.Upsert));
    }

    [Fact]
    public async Task Every_call_carries_a_deadline_and_the_api_key()
    {
        await _index.UpsertAsync([Case("T-1")], CancellationToken.None);
        await _index.SearchAsync(new CaseQuery("acme", [1, 0, 0, 0], 3, 0.1f, CaseFilter.None), CancellationToken.None);
        await _index.DeleteAsync("acme", "T-1", CancellationToken.None);

        Assert.All(_server.Faults.Calls, call =>
        {
            Assert.Equal(Key, call.ApiKey);
            Assert.InRange(call.Deadline, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow + _options.Deadline);
        });
    }

    [Fact]
    public async Task Writes_wait_go_in_batches_and_send_vectors_in_the_packed_form_every_server_reads()
    {
        var before = _server.Faults.CallsTo(QdrantMethods.Upsert);
        await _index.UpsertAsync([Case("c1"), Case("c2"), Case("c3"), Case("c4"), Case("c5")], CancellationToken.None);

        var upserts = _server.Faults.Requests<UpsertPoints>(QdrantMethods.Upsert).Skip(before).ToList();
        Assert.Equal([2, 2, 1], upserts.Select(u => u.Points.Count));
        Assert.All(upserts, u => Assert.True(u.HasWait && u.Wait));
        Assert.All(upserts.SelectMany(u => u.Points), p =>
        {
            Assert.Equal(4, p.Vectors.Vector.Data.Count);
            Assert.Null(p.Vectors.Vector.Dense);
        });
    }

    [Fact]
    public async Task Case_ids_become_name_based_uuids_and_the_originals_stay_in_the_payload()
    {
        await _index.UpsertAsync([Case("T-1"), Case("환불-1")], CancellationToken.None);

        var points = _server.Faults.Requests<UpsertPoints>(QdrantMethods.Upsert)[^1].Points;
        // Independently computed: uuid.uuid5(UUID("6f1c3d52-8a4e-4b7b-9d21-3c5e0f7a9b14"), "case:4:acme:T-1") in Python.
        Assert.Equal(["cc9b4206-aac5-59da-b129-48164abca0f8", "58b62894-0552-58ce-9e97-58213cd716ee"], points.Select(p => p.Id.Uuid));
        Assert.Equal(("acme", "T-1"), (points[0].Payload["tenant"].StringValue, points[0].Payload["case_id"].StringValue));
        Assert.Equal(1767225600, points[0].Payload["resolved_at"].DoubleValue);
        Assert.Equal("Chat", points[0].Payload["channel"].StringValue);
    }

    [Fact]
    public async Task Search_asks_Query_for_the_nearest_dense_vector_within_the_tenant_with_threshold_limit_and_payload()
    {
        var after = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        await _index.SearchAsync(new CaseQuery("acme", [1, 0, 0, 0], 3, 0.25f, new CaseFilter(Category: "refund", Channel: Channel.Chat, ResolvedAfter: after)),
            CancellationToken.None);

        var query = Assert.Single(_server.Faults.Requests<QueryPoints>(QdrantMethods.Query));
        Assert.Equal([1f, 0, 0, 0], query.Query.Nearest.Dense.Data);
        Assert.Equal((3ul, 0.25f, true), (query.Limit, query.ScoreThreshold, query.WithPayload.Enable));
        Assert.True(query.HasScoreThreshold);
        var must = query.Filter.Must;
        Assert.Equal(("tenant", "acme"), (must[0].Field.Key, must[0].Field.Match.Keyword));
        Assert.Contains(must, c => c.Field.Key == "category" && c.Field.Match.Keyword == "refund");
        Assert.Contains(must, c => c.Field.Key == "channel" && c.Field.Match.Keyword == "Chat");
        Assert.Contains(must, c => c.Field.Key == "resolved_at" && c.Field.Range.HasGt && c.Field.Range.Gt == after.ToUnixTimeSeconds());
        Assert.Empty(query.Filter.Should);
        Assert.Empty(query.Filter.MustNot);
    }

    [Fact]
    public async Task Count_is_exact_and_tenant_filtered_and_delete_checks_then_deletes_by_id_with_wait()
    {
        await _index.UpsertAsync([Case("T-1")], CancellationToken.None);
        Assert.Equal(1, await _index.CountAsync("acme", CancellationToken.None));
        Assert.True(await _index.DeleteAsync("acme", "T-1", CancellationToken.None));

        var count = _server.Faults.Requests<CountPoints>(QdrantMethods.Count)[^1];
        Assert.True(count.HasExact && count.Exact);
        Assert.Equal("tenant", Assert.Single(count.Filter.Must).Field.Key);
        var delete = Assert.Single(_server.Faults.Requests<DeletePoints>(QdrantMethods.DeletePoints));
        Assert.True(delete.Wait);
        Assert.Equal("cc9b4206-aac5-59da-b129-48164abca0f8", Assert.Single(delete.Points.Points.Ids).Uuid);
    }

    private static IndexedCase Case(string id) =>
        new(new CaseRecord("acme", id, "ko", Channel.Chat, "제목", "본문", "답변", "refund", "get_refund", "normal", "refunded",
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), [1, 0, 0, 0]);
}
