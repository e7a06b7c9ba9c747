using System.Collections.Concurrent;
using Triage.Feedback.Sqlite;

namespace Triage.Tests.Feedback;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Concurrent_items_are_written_once_each_in_fewer_batches_than_items()
    {
        var written = new ConcurrentBag<int>();
        var batches = 0;
        var commit = new GroupCommit<int>(async items =>
        {
            Interlocked.Increment(ref batches);
            await Task.Delay(5);
            foreach (var item in items)
            {
                written.Add(item);
            }
        }, maxBatch: 64);

        await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() => commit.SubmitAsync(i, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(0, 400), written.Order());
        Assert.True(batches < 400, $"{batches} batches for 400 items: nothing was grouped");
    }

    [Fact]
    public async Task A_caller_returns_only_after_the_batch_holding_its_item_has_been_written()
    {
        var release = new TaskCompletionSource();
        var durable = new ConcurrentDictionary<int, bool>();
        var commit = new GroupCommit<int>(async items =>
        {
            await release.Task;
            foreach (var item in items)
            {
                durable[item] = true;
            }
        }, maxBatch: 8);

        var calls = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await commit.SubmitAsync(i, CancellationToken.None);
            Assert.True(durable.ContainsKey(i), $"item {i} was acknowledged before it was written");
        })).ToList();
        await Task.Delay(50);
        Assert.DoesNotContain(calls, c => c.IsCompleted);

        release.SetResult();
        await Task.WhenAll(calls);
        Assert.Equal(20, durable.Count);
    }

    [Fact]
    public async Task A_failed_batch_fails_exactly_its_callers_and_later_items_are_still_written()
    {
        var failNext = true;
        var written = new ConcurrentBag<int>();
        var gate = new SemaphoreSlim(0);
        var commit = new GroupCommit<int>(async items =>
        {
            await gate.WaitAsync();
            if (failNext)
            {
                failNext = false;
                throw new IOException("disk full");
            }

            foreach (var item in items)
            {
                written.Add(item);
            }
        }, maxBatch: 100);

        var first = commit.SubmitAsync(1, CancellationToken.None);
        var second = Task.Run(() => commit.SubmitAsync(2, CancellationToken.None));
        await Task.Delay(50);
        gate.Release(3);

        await Assert.ThrowsAsync<IOException>(() => first);
        await second;
        await commit.SubmitAsync(3, CancellationToken.None);
        Assert.Equal([2, 3], written.Order());
    }

    [Fact]
    public async Task A_cancelled_caller_is_refused_before_its_item_is_queued()
    {
        var written = new ConcurrentBag<int>();
        var commit = new GroupCommit<int>(items =>
        {
            foreach (var item in items)
            {
                written.Add(item);
            }

            return Task.CompletedTask;
        }, maxBatch: 8);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => commit.SubmitAsync(1, new CancellationToken(canceled: true)));
        await commit.SubmitAsync(2, CancellationToken.None);
        Assert.Equal([2], written);
    }
}
