using System.Collections.Concurrent;
using Grpc.Core;
using Triage.Api.V1;
using Triage.Tests.Api;
using Triage.Tests.Processes;
using Xunit.Abstractions;

namespace Triage.Tests.Faults;

/// <summary>
/// The real server process killed (SIGKILL) while writes are in flight: after a restart on the same data, everything
/// acknowledged before the kill is there, the index opens (a torn tail cut off), and repeating the writes is idempotent.
/// </summary>
public sealed class KillDuringWritesTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("triage-faults-kill-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Cases_acknowledged_before_a_kill_mid_ingestion_survive_and_re_ingesting_them_is_idempotent()
    {
        var acknowledged = new ConcurrentQueue<ResolvedCase>();
        long streamed = 0;
        await using (var server = await ServerProcess.StartAsync(_data))
        {
            var client = server.Client();
            using var stop = new CancellationTokenSource();
            // One large stream in flight the whole time: never completed, so never acknowledged.
            var large = Task.Run(async () =>
            {
                using var call = client.IngestResolvedCases(cancellationToken: stop.Token);
                for (var i = 0; ; i++)
                {
                    await call.RequestStream.WriteAsync(FaultKit.Case($"large-{i}"), stop.Token);
                    Interlocked.Increment(ref streamed);
                }
            });
            // Small streams of 50 alongside, each acknowledged as a whole.
            var small = Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
            {
                for (var batch = 0; ; batch++)
                {
                    var cases = Enumerable.Range(0, 50).Select(i => FaultKit.Case($"small-{worker}-{batch}-{i}")).ToList();
                    var answer = await FaultKit.IngestAsync(client, cases, stop.Token);
                    Assert.Equal(cases.Count, answer.Accepted);
                    foreach (var c in cases)
                    {
                        acknowledged.Enqueue(c);
                    }
                }
            })).ToList();

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while ((acknowledged.Count < 1000 || Interlocked.Read(ref streamed) < 2000) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.True(acknowledged.Count >= 1000, $"only {acknowledged.Count} cases acknowledged in 30 s");
            await server.KillAsync();
            await stop.CancelAsync();
            // Every writer ends with the connection gone (or the cancellation, or, for a call started after the
            // kill, the process's channel already disposed); none may have hung.
            foreach (var writer in small.Append(large))
            {
                var ended = await Record.ExceptionAsync(() => writer.WaitAsync(TimeSpan.FromSeconds(30)));
                Assert.True(ended is RpcException or OperationCanceledException or ObjectDisposedException, ended?.ToString() ?? "a writer ended without an error");
            }
        }

        output.WriteLine($"{acknowledged.Count} cases acknowledged, {Interlocked.Read(ref streamed)} streamed unacknowledged, before the kill");
        // Whatever the kill left, also a frame cut off mid-write, as a crash inside write(2) leaves one.
        var wal = Path.Combine(_data, "index", "cases.wal");
        await using (var log = new FileStream(wal, FileMode.Append))
        {
            log.Write([0x00, 0x10, 0x00, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03]);
        }

        await using (var restarted = await ServerProcess.StartAsync(_data))
        {
            Assert.True(restarted.Logged("torn record"), "the torn tail is reported and cut off");
            var client = restarted.Client();
            var cases = acknowledged.ToList();
            await FaultKit.AssertAllFoundAsync(client, cases);

            // Re-sending what was acknowledged (as a client unsure of the outcome would) changes nothing.
            var again = await FaultKit.IngestAsync(client, cases);
            Assert.Equal(cases.Count, again.Accepted);
            foreach (var c in cases.Take(20))
            {
                var found = await client.FindSimilarCasesAsync(new FindSimilarCasesRequest { Ticket = FaultKit.TicketFor(c), TopK = 5 });
                Assert.Single(found.Cases, h => h.CaseId == c.CaseId);
            }

            await FaultKit.AssertAllFoundAsync(client, cases.Take(200).ToList());
            restarted.AssertAlive();
        }

        // And the repaired log opens again as it is.
        await using var third = await ServerProcess.StartAsync(_data);
        Assert.False(third.Logged("torn record"));
        await FaultKit.AssertAllFoundAsync(third.Client(), acknowledged.Take(100).ToList());
    }

    [Fact]
    public async Task Reviews_acknowledged_before_a_kill_mid_review_survive_and_their_replies_are_indexed()
    {
        const int Drafts = 80;
        var drafts = new List<(string DraftId, string Body)>();
        var acknowledged = new ConcurrentQueue<(string ReviewId, string DraftId, string Body)>();
        await using (var server = await ServerProcess.StartAsync(_data))
        {
            var client = server.Client();
            for (var i = 0; i < Drafts; i++)
            {
                var body = FaultKit.Case($"review-ticket-{i}").Body;
                var ticket = Tickets.Valid(body);
                ticket.TicketId = $"KILL-{i}";
                drafts.Add(((await client.TriageTicketAsync(new TriageTicketRequest { Ticket = ticket })).Draft.DraftId, body));
            }

            var next = -1;
            var reviewers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < Drafts)
                {
                    var (draftId, body) = drafts[i];
                    await client.SubmitReviewAsync(Review($"kill-review-{i}", draftId));
                    acknowledged.Enqueue(($"kill-review-{i}", draftId, body));
                }
            })).ToList();

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (acknowledged.Count < Drafts / 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }

            await server.KillAsync();
            foreach (var reviewer in reviewers)
            {
                try
                {
                    await reviewer.WaitAsync(TimeSpan.FromSeconds(30));
                }
                catch (Exception ex) when (ex is RpcException or ObjectDisposedException)
                {
                    // The connection went with the process: a call in flight fails, and one started after the
                    // kill finds the process's channel already disposed.
                }
            }
        }

        output.WriteLine($"{acknowledged.Count} of {Drafts} reviews acknowledged before the kill");
        Assert.InRange(acknowledged.Count, 1, Drafts - 1);
        await using var restarted = await ServerProcess.StartAsync(_data);
        var again = restarted.Client();
        foreach (var (reviewId, draftId, _) in acknowledged)
        {
            Assert.True((await again.SubmitReviewAsync(Review(reviewId, draftId))).Duplicate, $"review {reviewId} was acknowledged before the kill");
        }

        // The client retries what was never acknowledged: each is stored now, or was already (the kill came after the commit).
        var acknowledgedIds = acknowledged.Select(a => a.ReviewId).ToHashSet();
        for (var i = 0; i < Drafts; i++)
        {
            if (!acknowledgedIds.Contains($"kill-review-{i}"))
            {
                var retried = await again.SubmitReviewAsync(Review($"kill-review-{i}", drafts[i].DraftId));
                Assert.Equal("review-" + drafts[i].DraftId, retried.IndexedCaseId);
            }
        }

        using var export = again.ExportLabeledTickets(new ExportLabeledTicketsRequest());
        var exported = new List<LabeledTicket>();
        await foreach (var row in export.ResponseStream.ReadAllAsync())
        {
            exported.Add(row);
        }

        Assert.Equal(Drafts, exported.Count);
        Assert.Equal(Drafts, exported.Select(r => r.Ticket.TicketId).Distinct().Count());
        // Every reviewed reply is a resolved case now, whether its review was acknowledged before the kill or retried after.
        var missing = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(drafts, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (d, ct) =>
        {
            var found = await again.FindSimilarCasesAsync(new FindSimilarCasesRequest { Ticket = Tickets.Valid(d.Body), TopK = 1 }, cancellationToken: ct);
            if (found.Cases.FirstOrDefault()?.CaseId != "review-" + d.DraftId)
            {
                missing.Add(d.DraftId);
            }
        });
        Assert.True(missing.IsEmpty, $"{missing.Count} reviewed replies are not in the index");
    }

    private static SubmitReviewRequest Review(string reviewId, string draftId) => new()
    {
        ReviewId = reviewId,
        DraftId = draftId,
        Decision = ReviewDecision.Edited,
        RepresentativeId = "rep-1",
        FinalText = $"안녕하세요, 고객님. 환불은 오늘 처리되었습니다 ({draftId}).",
        CorrectedCategory = "refund",
        CorrectedIntent = "track_refund",
        CorrectedUrgency = "high",
    };
}
