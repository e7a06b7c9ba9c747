using Microsoft.Extensions.Options;
using Triage.Core.Retrieval;
using Triage.Retrieval.Embedded;

namespace Triage.Tests.Retrieval;

/// <summary>The shared behaviour suite against the embedded index.</summary>
public sealed class EmbeddedCaseIndexBehaviourTests : CaseIndexBehaviour
{
    private readonly string _dir = Directory.CreateTempSubdirectory("triage-index-").FullName;

    protected override Task<ICaseIndex> CreateAsync() =>
        Task.FromResult<ICaseIndex>(new EmbeddedCaseIndex(Options.Create(new EmbeddedIndexOptions { DataDirectory = _dir })));

    public override async Task DisposeAsync()
    {
        ((IDisposable)Index).Dispose();
        await base.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}

/// <summary>What only the embedded index has: files on disk that must survive restarts and crashes.</summary>
public sealed class EmbeddedCaseIndexPersistenceTests : IDisposable
{
    private static readonly EmbedderInfo Embedder = new("test-embedder-v1", 8);
    private readonly string _dir = Directory.CreateTempSubdirectory("triage-index-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<EmbeddedCaseIndex> Open(int compactAfter = 50_000)
    {
        var index = new EmbeddedCaseIndex(Options.Create(new EmbeddedIndexOptions { DataDirectory = _dir, CompactAfterRecords = compactAfter }));
        await index.EnsureReadyAsync(Embedder, CancellationToken.None);
        return index;
    }

    private static IndexedCase Case(string id, float x) =>
        new(new CaseRecord("acme", id, "ko", null, "", "본문", "답변", "refund", "get_refund", "normal", "refunded", DateTimeOffset.UnixEpoch), [x, 1, 0, 0, 0, 0, 0, 0]);

    [Theory]
    [InlineData(50_000)]
    [InlineData(100)]
    public async Task A_restart_keeps_every_case_and_every_delete(int compactAfter)
    {
        using (var index = await Open(compactAfter))
        {
            await index.UpsertAsync(Enumerable.Range(0, 250).Select(i => Case($"c{i}", i)).ToList(), CancellationToken.None);
            Assert.True(await index.DeleteAsync("acme", "c7", CancellationToken.None));
        }

        using var reopened = await Open(compactAfter);
        Assert.Equal(249, await reopened.CountAsync("acme", CancellationToken.None));
        var hits = await reopened.SearchAsync(new CaseQuery("acme", [1, 1, 0, 0, 0, 0, 0, 0], 300, 0, CaseFilter.None), CancellationToken.None);
        Assert.DoesNotContain(hits, h => h.Case.CaseId == "c7");
        Assert.Contains(hits, h => h.Case.CaseId == "c249");
    }

    [Fact]
    public async Task A_half_written_log_record_is_cut_off_and_the_rest_recovered()
    {
        using (var index = await Open())
        {
            await index.UpsertAsync([Case("a", 1), Case("b", 2)], CancellationToken.None);
        }

        // A crash mid-append: the next frame's header and part of its payload reached the disk.
        var wal = Path.Combine(_dir, "cases.wal");
        var intact = new FileInfo(wal).Length;
        await using (var stream = new FileStream(wal, FileMode.Append))
        {
            await stream.WriteAsync(new byte[] { 200, 0, 0, 0, 1, 2, 3, 4, 1, 9, 9 });
        }

        using (var recovered = await Open())
        {
            Assert.Equal(2, await recovered.CountAsync("acme", CancellationToken.None));
            Assert.Equal(intact, new FileInfo(wal).Length);
            await recovered.UpsertAsync([Case("c", 3)], CancellationToken.None);
        }

        using var again = await Open();
        Assert.Equal(3, await again.CountAsync("acme", CancellationToken.None));
    }

    [Fact]
    public async Task A_corrupted_record_in_the_log_ends_recovery_there()
    {
        using (var index = await Open())
        {
            await index.UpsertAsync([Case("a", 1)], CancellationToken.None);
            await index.UpsertAsync([Case("b", 2)], CancellationToken.None);
        }

        var wal = Path.Combine(_dir, "cases.wal");
        var bytes = await File.ReadAllBytesAsync(wal);
        bytes[^3] ^= 0xFF; // flip a byte inside the second record's payload
        await File.WriteAllBytesAsync(wal, bytes);

        using var recovered = await Open();
        Assert.Equal(1, await recovered.CountAsync("acme", CancellationToken.None));
    }

    [Fact]
    public async Task Vectors_of_the_wrong_dimension_are_refused_without_harm()
    {
        using var index = await Open();
        await index.UpsertAsync([Case("a", 1)], CancellationToken.None);
        var wrong = new IndexedCase(Case("b", 1).Case, [1, 2, 3]);
        await Assert.ThrowsAsync<ArgumentException>(() => index.UpsertAsync([wrong], CancellationToken.None));
        Assert.Equal(1, await index.CountAsync("acme", CancellationToken.None));
    }
}
