using Grpc.Core;
using Grpc.Net.Client;
using Triage.Api.V1;
using Triage.Tests.Api;
using Triage.Tests.Processes;

namespace Triage.Tests.Feedback;

/// <summary>Nothing acknowledged is lost when the server process is killed right after answering.</summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("triage-crash-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task A_review_acknowledged_just_before_a_kill_survives_the_restart()
    {
        string draftId;
        await using (var server = await ServerProcess.StartAsync(_data))
        {
            using var channel = GrpcChannel.ForAddress(server.Address);
            var client = new TriageService.TriageServiceClient(channel);
            var ticket = Tickets.Valid("환불 요청했는데 아직 처리가 안 됐어요");
            ticket.TicketId = "CRASH-1";
            draftId = (await client.TriageTicketAsync(new TriageTicketRequest { Ticket = ticket })).Draft.DraftId;
            var reviewed = await client.SubmitReviewAsync(new SubmitReviewRequest
            {
                ReviewId = "crash-review", DraftId = draftId, Decision = ReviewDecision.Edited, RepresentativeId = "rep-1",
                FinalText = "안녕하세요, 고객님. 환불은 오늘 처리되었습니다.", CorrectedCategory = "refund", CorrectedIntent = "track_refund", CorrectedUrgency = "high",
            });
            Assert.False(reviewed.Duplicate);
            await server.KillAsync();
        }

        await using (var restarted = await ServerProcess.StartAsync(_data))
        {
            using var channel = GrpcChannel.ForAddress(restarted.Address);
            var client = new TriageService.TriageServiceClient(channel);
            var replay = await client.SubmitReviewAsync(new SubmitReviewRequest
            {
                ReviewId = "crash-review", DraftId = draftId, Decision = ReviewDecision.Edited, RepresentativeId = "rep-1",
                FinalText = "anything", CorrectedCategory = "refund", CorrectedIntent = "track_refund", CorrectedUrgency = "high",
            });
            Assert.True(replay.Duplicate, "the review stored before the kill is found after the restart");

            using var export = client.ExportLabeledTickets(new ExportLabeledTicketsRequest());
            var rows = new List<LabeledTicket>();
            await foreach (var row in export.ResponseStream.ReadAllAsync())
            {
                rows.Add(row);
            }

            var labeled = Assert.Single(rows);
            Assert.Equal(("CRASH-1", "track_refund", "high"), (labeled.Ticket.TicketId, labeled.Intent, labeled.Urgency));
            // The reviewed reply went into the case index too, and that survived as well.
            var found = await client.FindSimilarCasesAsync(new FindSimilarCasesRequest { Ticket = Tickets.Valid("환불 처리가 아직 안 됐어요") });
            Assert.Contains(found.Cases, c => c.CaseId == "review-" + draftId);
        }
    }
}
