using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Triage.Core.Retrieval;
using Triage.Retrieval.Qdrant.Wire;
using Triage.Tests.Retrieval.Qdrant.Fake;

namespace Triage.Tests.Retrieval.Qdrant;

/// <summary>How the Qdrant index fails: fast and transient when the server is away or slow, clear and final when it is misconfigured.</summary>
public sealed class QdrantFaultTests : IAsyncLifetime
{
    private static readonly EmbedderInfo Embedder = new("test-embedder-v1", 4);
    private FakeQdrantServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeQdrantServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_server_that_is_down_gives_a_transient_error_quickly()
    {
        var options = FakeQdrantFixture.Options(new Uri($"http://127.0.0.1:{UnusedPort()}"), adjust: o =>
        {
            o.Deadline = TimeSpan.FromMilliseconds(500);
            o.MaxRetries = 2;
        });
        await using var index = FakeQdrantFixture.Index(options);

        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<CaseIndexException>(() => index.EnsureReadyAsync(Embedder, CancellationToken.None));

        Assert.True(e.Transient);
        Assert.Contains("unavailable", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}"); // bounded retries, with room for a loaded CI machine
    }

    [Fact]
    public async Task A_server_slower_than_the_deadline_gives_a_transient_error_after_bounded_retries()
    {
        // Set up (and warm up) with the usual deadline, then reopen the same collection with a short one.
        var options = FakeQdrantFixture.Options(_server.Address);
        await using (var setup = FakeQdrantFixture.Index(options))
        {
            await setup.EnsureReadyAsync(Embedder, CancellationToken.None);
        }

        options.Deadline = TimeSpan.FromMilliseconds(250);
        options.MaxRetries = 1;
        await using var index = FakeQdrantFixture.Index(options);
        await index.EnsureReadyAsync(Embedder, CancellationToken.None);
        _server.Faults.Delay(QdrantMethods.Query, TimeSpan.FromSeconds(5));

        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<CaseIndexException>(() => Search(index));

        Assert.True(e.Transient);
        Assert.Contains("deadline", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, _server.Faults.CallsTo(QdrantMethods.Query));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}"); // the server would hold each call 5 s: bounded by the deadline
    }

    [Fact]
    public async Task A_refused_api_key_is_final_and_says_so()
    {
        await using var secured = await FakeQdrantServer.StartAsync(apiKey: "right-key");

        await using var wrong = FakeQdrantFixture.Index(FakeQdrantFixture.Options(secured.Address, adjust: o => o.ApiKey = "wrong-key"));
        var e = await Assert.ThrowsAsync<CaseIndexException>(() => wrong.EnsureReadyAsync(Embedder, CancellationToken.None));
        Assert.False(e.Transient);
        Assert.Contains("refused the API key", e.Message, StringComparison.Ordinal);

        await using var none = FakeQdrantFixture.Index(FakeQdrantFixture.Options(secured.Address));
        var missing = await Assert.ThrowsAsync<CaseIndexException>(() => none.EnsureReadyAsync(Embedder, CancellationToken.None));
        Assert.Contains("no key was sent", missing.Message, StringComparison.Ordinal);

        await using var right = FakeQdrantFixture.Index(FakeQdrantFixture.Options(secured.Address, adjust: o => o.ApiKey = "right-key"));
        await right.EnsureReadyAsync(Embedder, CancellationToken.None);
        Assert.Equal(0, await right.CountAsync("acme", CancellationToken.None));
    }

    [Fact]
    public async Task A_server_without_Query_is_reported_as_too_old_without_retrying()
    {
        await using var index = await ReadyIndexAsync();
        _server.Faults.Fail(QdrantMethods.Query, StatusCode.Unimplemented);

        var e = await Assert.ThrowsAsync<CaseIndexException>(() => Search(index));

        Assert.False(e.Transient);
        Assert.Contains("server too old (needs Qdrant ≥ 1.10 for Query)", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, _server.Faults.CallsTo(QdrantMethods.Query));
    }

    [Fact]
    public async Task A_server_reporting_a_version_before_1_10_is_refused_at_start()
    {
        _server.Faults.Version = "1.9.7";
        await using var index = FakeQdrantFixture.Index(FakeQdrantFixture.Options(_server.Address));

        var e = await Assert.ThrowsAsync<CaseIndexException>(() => index.EnsureReadyAsync(Embedder, CancellationToken.None));

        Assert.False(e.Transient);
        Assert.Contains("1.9.7", e.Message, StringComparison.Ordinal);
        Assert.Contains("too old", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.Faults.CallsTo(QdrantMethods.CreateCollection));
    }

    [Fact]
    public async Task A_collection_of_another_dimension_is_refused_and_left_alone()
    {
        var options = FakeQdrantFixture.Options(_server.Address);
        _server.Store.Create(options.Collection, 16, Distance.Cosine);
        await using var index = FakeQdrantFixture.Index(options);

        var e = await Assert.ThrowsAsync<CaseIndexException>(() => index.EnsureReadyAsync(Embedder, CancellationToken.None));

        Assert.False(e.Transient);
        Assert.Contains("16-dimensional", e.Message, StringComparison.Ordinal);
        Assert.Contains("4-dimensional", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.Faults.CallsTo(QdrantMethods.Upsert));
    }

    [Fact]
    public async Task A_collection_with_points_but_no_embedder_marker_is_not_adopted()
    {
        var options = FakeQdrantFixture.Options(_server.Address);
        _server.Store.Create(options.Collection, 4, Distance.Cosine);
        var foreign = new PointStruct { Id = new PointId { Num = 7 }, Vectors = new Vectors { Vector = new Vector { Data = { 1, 0, 0, 0 } } } };
        _server.Store[options.Collection].Upsert([foreign], wait: true);
        await using var index = FakeQdrantFixture.Index(options);

        var e = await Assert.ThrowsAsync<CaseIndexException>(() => index.EnsureReadyAsync(Embedder, CancellationToken.None));

        Assert.False(e.Transient);
        Assert.Contains("no Triage embedder marker", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unconfirmed_upsert_is_sent_again_until_confirmed()
    {
        await using var index = await ReadyIndexAsync();
        var before = _server.Faults.CallsTo(QdrantMethods.Upsert);
        _server.Faults.ReportWaitTimeout(2);

        await index.UpsertAsync([Case("a")], CancellationToken.None);

        Assert.Equal(3, _server.Faults.CallsTo(QdrantMethods.Upsert) - before);
        Assert.Equal(1, await index.CountAsync("acme", CancellationToken.None));
    }

    [Fact]
    public async Task An_upsert_that_stays_unconfirmed_is_a_transient_error()
    {
        await using var index = await ReadyIndexAsync(o => o.MaxRetries = 2);
        _server.Faults.ReportWaitTimeout(10);

        var e = await Assert.ThrowsAsync<CaseIndexException>(() => index.UpsertAsync([Case("a")], CancellationToken.None));

        Assert.True(e.Transient);
        Assert.Contains("WaitTimeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limiting_is_retried()
    {
        await using var index = await ReadyIndexAsync();
        var before = _server.Faults.CallsTo(QdrantMethods.Count);
        _server.Faults.Fail(QdrantMethods.Count, StatusCode.ResourceExhausted, times: 2);

        Assert.Equal(0, await index.CountAsync("acme", CancellationToken.None));
        Assert.Equal(3, _server.Faults.CallsTo(QdrantMethods.Count) - before);
    }

    [Fact]
    public async Task A_dropped_collection_says_to_recreate_it_and_the_next_ensure_ready_does()
    {
        var options = FakeQdrantFixture.Options(_server.Address);
        await using var index = FakeQdrantFixture.Index(options);
        await index.EnsureReadyAsync(Embedder, CancellationToken.None);
        await index.UpsertAsync([Case("a")], CancellationToken.None);
        _server.Store.Drop(options.Collection);

        var e = await Assert.ThrowsAsync<CaseIndexException>(() => Search(index));
        Assert.False(e.Transient);
        Assert.Contains("recreate", e.Message, StringComparison.Ordinal);

        await index.EnsureReadyAsync(Embedder, CancellationToken.None);
        Assert.True(_server.Store.Exists(options.Collection));
        Assert.Equal(0, await index.CountAsync("acme", CancellationToken.None));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_reported_as_a_store_failure()
    {
        await using var index = await ReadyIndexAsync();
        _server.Faults.Delay(QdrantMethods.Query, TimeSpan.FromSeconds(5));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            index.SearchAsync(new CaseQuery("acme", [1, 0, 0, 0], 5, 0, CaseFilter.None), cts.Token));
    }

    private async Task<Triage.Retrieval.Qdrant.QdrantCaseIndex> ReadyIndexAsync(Action<Triage.Retrieval.Qdrant.QdrantOptions>? adjust = null)
    {
        var index = FakeQdrantFixture.Index(FakeQdrantFixture.Options(_server.Address, adjust: adjust));
        await index.EnsureReadyAsync(Embedder, CancellationToken.None);
        return index;
    }

    private static Task<IReadOnlyList<CaseHit>> Search(ICaseIndex index) =>
        index.SearchAsync(new CaseQuery("acme", [1, 0, 0, 0], 5, 0, CaseFilter.None), CancellationToken.None);

    private static IndexedCase Case(string id) =>
        new(new CaseRecord("acme", id, "ko", Triage.Core.Tickets.Channel.Email, "제목", "본문", "답변", "refund", "get_refund", "normal", "refunded",
            DateTimeOffset.UnixEpoch), [1, 0, 0, 0]);

    /// <summary>A loopback port nobody listens on: bound, read, released.</summary>
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
