using Triage.Core.Retrieval;
using Triage.Core.Tickets;

namespace Triage.Tests.Retrieval;

/// <summary>
/// The behaviour every <see cref="ICaseIndex"/> must have, run against each implementation (the
/// embedded index, and Qdrant through the in-test fake server speaking its gRPC API).
/// </summary>
public abstract class CaseIndexBehaviour : IAsyncLifetime
{
    protected static readonly EmbedderInfo Embedder = new("test-embedder-v1", 8);

    private ICaseIndex? _index;

    protected ICaseIndex Index => _index ?? throw new InvalidOperationException("not initialized");

    /// <summary>A fresh, empty index of the implementation under test.</summary>
    protected abstract Task<ICaseIndex> CreateAsync();

    public virtual async Task InitializeAsync()
    {
        _index = await CreateAsync();
        await _index.EnsureReadyAsync(Embedder, CancellationToken.None);
    }

    public virtual Task DisposeAsync() => _index is IAsyncDisposable d ? d.DisposeAsync().AsTask() : Task.CompletedTask;

    protected static float[] Vector(params float[] values)
    {
        var v = new float[Embedder.Dimension];
        values.CopyTo(v, 0);
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    protected static IndexedCase Case(string id, float[] vector, string tenant = "acme", string category = "refund", string intent = "get_refund",
        string language = "ko", Channel channel = Channel.Email, DateTimeOffset? resolvedAt = null, string reply = "환불해 드렸습니다.") =>
        new(new CaseRecord(tenant, id, language, channel, "제목 " + id, "본문 " + id, reply, category, intent, "normal", "refunded",
            resolvedAt ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), vector);

    protected Task<IReadOnlyList<CaseHit>> Search(float[] vector, string tenant = "acme", int topK = 10, float min = 0f, CaseFilter? filter = null) =>
        Index.SearchAsync(new CaseQuery(tenant, vector, topK, min, filter ?? CaseFilter.None), CancellationToken.None);

    [Fact]
    public async Task Search_orders_by_similarity_and_returns_the_stored_case()
    {
        await Index.UpsertAsync([Case("far", Vector(0, 1)), Case("near", Vector(1, 0.1f)), Case("mid", Vector(1, 1))], CancellationToken.None);
        var hits = await Search(Vector(1, 0));
        Assert.Equal(["near", "mid", "far"], hits.Select(h => h.Case.CaseId));
        Assert.True(hits[0].Similarity > hits[1].Similarity && hits[1].Similarity > hits[2].Similarity);
        Assert.InRange(hits[0].Similarity, 0.98f, 1.0001f);
        var stored = hits[0].Case;
        Assert.Equal(("acme", "refund", "get_refund", "ko", Channel.Email, "환불해 드렸습니다.", "본문 near"),
            (stored.Tenant, stored.Category, stored.Intent, stored.Language, stored.Channel, stored.Reply, stored.Body));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), stored.ResolvedAt);
    }

    [Fact]
    public async Task Top_k_and_the_similarity_threshold_are_honoured()
    {
        await Index.UpsertAsync([Case("a", Vector(1, 0)), Case("b", Vector(1, 0.5f)), Case("c", Vector(0, 1))], CancellationToken.None);
        Assert.Single(await Search(Vector(1, 0), topK: 1));
        var above = await Search(Vector(1, 0), min: 0.5f);
        Assert.Equal(["a", "b"], above.Select(h => h.Case.CaseId));
    }

    [Fact]
    public async Task Upsert_is_idempotent_by_case_id()
    {
        await Index.UpsertAsync([Case("a", Vector(1, 0), reply: "first")], CancellationToken.None);
        await Index.UpsertAsync([Case("a", Vector(0, 1), reply: "second")], CancellationToken.None);
        Assert.Equal(1, await Index.CountAsync("acme", CancellationToken.None));
        var hit = Assert.Single(await Search(Vector(0, 1)));
        Assert.Equal("second", hit.Case.Reply);
        Assert.InRange(hit.Similarity, 0.99f, 1.0001f);
    }

    [Fact]
    public async Task A_tenant_never_sees_another_tenants_cases_whatever_the_filter()
    {
        await Index.UpsertAsync([Case("shared-id", Vector(1, 0), tenant: "acme"), Case("g1", Vector(1, 0), tenant: "globex")], CancellationToken.None);
        Assert.Equal(["shared-id"], (await Search(Vector(1, 0), tenant: "acme")).Select(h => h.Case.CaseId));
        Assert.Equal(["g1"], (await Search(Vector(1, 0), tenant: "globex", filter: new CaseFilter(Category: "refund"))).Select(h => h.Case.CaseId));
        Assert.Empty(await Search(Vector(1, 0), tenant: "initech"));

        // The same case id in two tenants is two cases; deleting one leaves the other.
        await Index.UpsertAsync([Case("shared-id", Vector(0, 1), tenant: "globex")], CancellationToken.None);
        Assert.False(await Index.DeleteAsync("initech", "shared-id", CancellationToken.None));
        Assert.True(await Index.DeleteAsync("globex", "shared-id", CancellationToken.None));
        Assert.Equal(1, await Index.CountAsync("acme", CancellationToken.None));
        Assert.Equal(1, await Index.CountAsync("globex", CancellationToken.None));
    }

    [Fact]
    public async Task Filters_narrow_by_category_intent_language_channel_and_recency()
    {
        var old = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await Index.UpsertAsync(
        [
            Case("ko-refund", Vector(1, 0)),
            Case("en-refund", Vector(1, 0), language: "en"),
            Case("ko-order", Vector(1, 0), category: "order", intent: "track_order"),
            Case("ko-chat", Vector(1, 0), channel: Channel.Chat),
            Case("ko-old", Vector(1, 0), resolvedAt: old),
        ], CancellationToken.None);

        async Task<string[]> Ids(CaseFilter f) => (await Search(Vector(1, 0), filter: f)).Select(h => h.Case.CaseId).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["ko-order"], await Ids(new CaseFilter(Category: "order")));
        Assert.Equal(["ko-order"], await Ids(new CaseFilter(Intent: "track_order")));
        Assert.Equal(["en-refund"], await Ids(new CaseFilter(Language: "en")));
        Assert.Equal(["ko-chat"], await Ids(new CaseFilter(Channel: Channel.Chat)));
        Assert.DoesNotContain("ko-old", await Ids(new CaseFilter(ResolvedAfter: old.AddDays(1))));
        Assert.Equal(["ko-chat", "ko-old", "ko-refund"], await Ids(new CaseFilter(Category: "refund", Language: "ko")));
    }

    [Fact]
    public async Task Delete_removes_the_case_once()
    {
        await Index.UpsertAsync([Case("a", Vector(1, 0)), Case("b", Vector(0, 1))], CancellationToken.None);
        Assert.True(await Index.DeleteAsync("acme", "a", CancellationToken.None));
        Assert.False(await Index.DeleteAsync("acme", "a", CancellationToken.None));
        Assert.Equal(["b"], (await Search(Vector(1, 0))).Select(h => h.Case.CaseId));
    }

    [Fact]
    public async Task An_index_built_for_another_embedder_or_dimension_is_refused()
    {
        await Index.UpsertAsync([Case("a", Vector(1, 0))], CancellationToken.None);
        var ex = await Assert.ThrowsAsync<CaseIndexException>(() => Index.EnsureReadyAsync(new EmbedderInfo("test-embedder-v1", 16), CancellationToken.None));
        Assert.False(ex.Transient);
        Assert.Contains("16", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<CaseIndexException>(() => Index.EnsureReadyAsync(new EmbedderInfo("other-embedder", 8), CancellationToken.None));
    }

    [Fact]
    public async Task Many_cases_upsert_in_batches_and_count_per_tenant()
    {
        var cases = Enumerable.Range(0, 700).Select(i => Case($"c{i}", Vector(1, i % 7, i % 3), tenant: i % 2 == 0 ? "acme" : "globex")).ToList();
        await Index.UpsertAsync(cases, CancellationToken.None);
        Assert.Equal(350, await Index.CountAsync("acme", CancellationToken.None));
        Assert.Equal(5, (await Search(Vector(1, 1, 1), topK: 5)).Count);
    }
}
