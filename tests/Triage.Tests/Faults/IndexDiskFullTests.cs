using Grpc.Core;
using Triage.Api.V1;
using Triage.Tests.Api;
using Triage.Tests.Processes;
using Xunit.Abstractions;

namespace Triage.Tests.Faults;

/// <summary>
/// The embedded index's data directory on a 2 MB tmpfs that fills up under the real server process: each ingestion
/// that does not fit gets RESOURCE_EXHAUSTED saying so, everything else keeps working, and every case acknowledged
/// (before the disk filled, and after space was freed) is there after a restart.
/// </summary>
public sealed class IndexDiskFullTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("triage-faults-full-").FullName;
    private TmpfsMount? _mount;

    public void Dispose()
    {
        _mount?.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_full_index_disk_refuses_each_ingestion_clearly_keeps_serving_and_loses_nothing_acknowledged()
    {
        var index = Path.Combine(_data, "index");
        _mount = TmpfsMount.Create(index, "2m");
        // Ballast, removed later to play an operator freeing space.
        var ballast = Path.Combine(index, "ballast");
        await File.WriteAllBytesAsync(ballast, new byte[256 * 1024]);
        var settings = new Dictionary<string, string>
        {
            ["Triage:Model:ActivePath"] = FaultKit.ShippedModel,
            // Compactions (a second copy of every case) happen along the way, and run out of space too.
            ["Triage:Index:Embedded:CompactAfterRecords"] = "100",
        };

        var acknowledged = new List<ResolvedCase>();
        string reviewedDraft;
        await using (var server = await ServerProcess.StartAsync(_data, settings))
        {
            var client = server.Client();
            RpcException? full = null;
            for (var call = 0; call < 1000 && full is null; call++)
            {
                var cases = Enumerable.Range(0, 20).Select(i => FaultKit.Case($"full-{call}-{i}")).ToList();
                try
                {
                    Assert.Equal(cases.Count, (await FaultKit.IngestAsync(client, cases)).Accepted);
                    acknowledged.AddRange(cases);
                }
                catch (RpcException ex)
                {
                    full = ex;
                }
            }

            output.WriteLine($"{acknowledged.Count} cases acknowledged before the disk filled; then: {full?.Status}");
            AssertDiskFull(full);
            // Single cases may still fit where twenty did not; each is acknowledged or refused with the same clear
            // answer, and nothing of a refused one is visible.
            var refused = 0;
            for (var i = 0; i < 500 && refused < 3; i++)
            {
                var one = FaultKit.Case($"single-{i}");
                if (await Record.ExceptionAsync(() => FaultKit.IngestAsync(client, [one])) is { } failed)
                {
                    AssertDiskFull(failed as RpcException);
                    Assert.NotEqual(one.CaseId, await FaultKit.TopHitAsync(client, one));
                    refused++;
                }
                else
                {
                    acknowledged.Add(one);
                }
            }

            Assert.Equal(3, refused);

            // Everything that reads keeps working.
            server.AssertAlive();
            var classified = await client.ClassifyTicketAsync(Tickets.Classify());
            Assert.False(string.IsNullOrEmpty(classified.ModelVersion));
            await FaultKit.AssertAllFoundAsync(client, acknowledged);
            var ticket = Tickets.Valid(acknowledged[0].Body);
            var triage = await client.TriageTicketAsync(new TriageTicketRequest { Ticket = ticket });
            Assert.Empty(triage.Degradations);
            Assert.Equal(acknowledged[0].CaseId, triage.SimilarCases.First().CaseId);

            // A review is stored even though its reply cannot be indexed now; the answer says so.
            var reviewTicket = Tickets.Valid(FaultKit.Case("full-review").Body);
            reviewedDraft = (await client.TriageTicketAsync(new TriageTicketRequest { Ticket = reviewTicket })).Draft.DraftId;
            var review = await client.SubmitReviewAsync(Review(reviewedDraft));
            Assert.False(review.Duplicate);
            Assert.Empty(review.IndexedCaseId);
            Assert.Contains(review.Degradations, d => d.Component == Component.Retrieval && d.Reason.Contains("not indexed", StringComparison.Ordinal));

            // Space freed: ingestion works again, and its cases are acknowledged after the failed writes.
            File.Delete(ballast);
            var after = Enumerable.Range(0, 20).Select(i => FaultKit.Case($"after-{i}")).ToList();
            Assert.Equal(after.Count, (await FaultKit.IngestAsync(client, after)).Accepted);
            acknowledged.AddRange(after);
            // The client retries the review: its reply is indexed now.
            var retried = await client.SubmitReviewAsync(Review(reviewedDraft));
            Assert.True(retried.Duplicate);
            Assert.Equal("review-" + reviewedDraft, retried.IndexedCaseId);
            Assert.Empty(retried.Degradations);
            await server.KillAsync();
        }

        await using (var restarted = await ServerProcess.StartAsync(_data, settings))
        {
            var client = restarted.Client();
            await FaultKit.AssertAllFoundAsync(client, acknowledged);
            var found = await client.FindSimilarCasesAsync(new FindSimilarCasesRequest { Ticket = Tickets.Valid(FaultKit.Case("full-review").Body), TopK = 1 });
            Assert.Equal("review-" + reviewedDraft, found.Cases.First().CaseId);
        }
    }

    private static void AssertDiskFull(RpcException? ex)
    {
        Assert.NotNull(ex);
        Assert.True(ex!.StatusCode == StatusCode.ResourceExhausted, ex.Status.ToString());
        Assert.Contains("space", ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", ex.Status.Detail, StringComparison.Ordinal);
    }

    private static SubmitReviewRequest Review(string draftId) => new()
    {
        ReviewId = "full-review-" + draftId,
        DraftId = draftId,
        Decision = ReviewDecision.Edited,
        RepresentativeId = "rep-1",
        FinalText = "안녕하세요, 고객님. 환불은 오늘 처리되었습니다.",
    };
}
