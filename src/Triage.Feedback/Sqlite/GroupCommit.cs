namespace Triage.Feedback.Sqlite;

/// <summary>
/// Group commit: concurrent callers' items are written together, one transaction and one fsync per
/// batch, and each caller returns only once the batch holding its item has committed, so what is
/// acknowledged is on disk exactly as with a commit per item. With synchronous=FULL a commit costs about
/// a millisecond, which capped every logged RPC at roughly a thousand calls a second however many cores
/// served them.
/// <para>
/// There is no background writer to start, stop or lose work in: the first caller to find nobody
/// writing becomes the leader and writes batches until its own item has committed, then hands the role
/// to the oldest caller still waiting. A leader's write is never cancelled, since other callers' items
/// ride on it; a caller's cancellation is honoured only before its item is queued.
/// </para>
/// </summary>
internal sealed class GroupCommit<T>(Func<IReadOnlyList<T>, Task> writeBatch, int maxBatch)
{
    private readonly Lock _gate = new();
    private readonly Queue<Pending> _queue = new();
    private bool _leading;

    public async Task SubmitAsync(T item, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var own = new Pending(item);
        bool lead;
        lock (_gate)
        {
            _queue.Enqueue(own);
            lead = !_leading;
            _leading = true;
        }

        // Not cancellable: once queued, the item may already be part of a batch being written, and a
        // waiter that walked away could be the one the leadership is handed to.
        if (!lead && await own.Outcome.Task == Role.Written)
        {
            return;
        }

        await LeadAsync(own);
    }

    private async Task LeadAsync(Pending own)
    {
        Exception? ownFailure = null;
        var ownDone = false;
        while (!ownDone)
        {
            var batch = TakeBatch();
            try
            {
                await writeBatch(batch.Select(p => p.Item).ToList());
                Complete(batch, own, null);
            }
            catch (Exception ex)
            {
                Complete(batch, own, ex);
                if (batch.Contains(own))
                {
                    ownFailure = ex;
                }
            }

            ownDone = batch.Contains(own);
        }

        HandOver();
        if (ownFailure is not null)
        {
            throw ownFailure;
        }
    }

    private List<Pending> TakeBatch()
    {
        lock (_gate)
        {
            var batch = new List<Pending>(Math.Min(_queue.Count, maxBatch));
            while (batch.Count < maxBatch && _queue.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            return batch;
        }
    }

    private static void Complete(List<Pending> batch, Pending own, Exception? failure)
    {
        foreach (var pending in batch.Where(p => p != own))
        {
            if (failure is null)
            {
                pending.Outcome.TrySetResult(Role.Written);
            }
            else
            {
                pending.Outcome.TrySetException(failure);
            }
        }
    }

    private void HandOver()
    {
        lock (_gate)
        {
            if (_queue.TryPeek(out var next))
            {
                // Still queued, so it has not been told anything yet: it wakes up as the leader and writes itself.
                next.Outcome.TrySetResult(Role.Lead);
            }
            else
            {
                _leading = false;
            }
        }
    }

    private enum Role
    {
        Written,
        Lead,
    }

    private sealed class Pending(T item)
    {
        public T Item { get; } = item;

        // Continuations run off the leader's thread, so a leader never runs its waiters' request code inline.
        public TaskCompletionSource<Role> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
