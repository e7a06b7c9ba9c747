using Grpc.Core;
using Triage.Api.V1;
using Triage.Tests.Api;

namespace Triage.Tests.Feedback;

/// <summary>The review loop through the API: triage, review, index, export; tenant by tenant.</summary>
public sealed class ReviewApiTests(TriageHostFixture fixture) : IClassFixture<TriageHostFixture>
{
    private readonly TriageHost _host = fixture.Host;

    private async Task<TriageTicketResponse> Triage(string ticketId, string body)
    {
        var ticket = Tickets.Valid(body);
        ticket.TicketId = ticketId;
        var answer = await _host.Client(TestKeys.AcmeIntake).TriageTicketAsync(new TriageTicketRequest { Ticket = ticket });
        Assert.NotNull(answer.Draft);
        Assert.DoesNotContain(answer.Degradations, d => d.Component == Component.Recording);
        return answer;
    }

    private static SubmitReviewRequest Review(string reviewId, string draftId, ReviewDecision decision, string? final = null) => new()
    {
        ReviewId = reviewId, DraftId = draftId, Decision = decision, RepresentativeId = "rep-7", FinalText = final ?? string.Empty,
        RejectionReason = decision == ReviewDecision.Rejected ? "wrong policy" : string.Empty,
    };

    [Fact]
    public async Task A_review_is_idempotent_one_per_draft_and_only_for_the_drafts_tenant()
    {
        var draftId = (await Triage("R-T1", "환불 언제 되나요? 반품 보낸 지 일주일 됐어요")).Draft.DraftId;
        var agent = _host.Client(TestKeys.AcmeAgent);

        var first = await agent.SubmitReviewAsync(Review("rv-1", draftId, ReviewDecision.Accepted));
        Assert.False(first.Duplicate);
        Assert.Equal(0, first.EditDistance);
        Assert.Equal("review-" + draftId, first.IndexedCaseId);

        var replay = await agent.SubmitReviewAsync(Review("rv-1", draftId, ReviewDecision.Accepted));
        Assert.True(replay.Duplicate);

        await RpcAssert.Fails(StatusCode.AlreadyExists, () => agent.SubmitReviewAsync(Review("rv-2", draftId, ReviewDecision.Rejected)).ResponseAsync);
        await RpcAssert.Fails(StatusCode.NotFound, () => agent.SubmitReviewAsync(Review("rv-3", "d-unknown", ReviewDecision.Accepted)).ResponseAsync);

        var globexAgent = new TriageService.TriageServiceClient(_host.Channel());
        var headers = new Metadata { { "x-api-key", TestKeys.GlobexIntake } };
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => globexAgent.SubmitReviewAsync(Review("rv-4", draftId, ReviewDecision.Accepted), headers).ResponseAsync);
    }

    [Fact]
    public async Task An_edited_reply_with_corrections_is_measured_indexed_and_exported()
    {
        var answer = await Triage("R-T2", "세금계산서 발행해 주세요. 사업자등록번호 보내드릴게요");
        var agent = _host.Client(TestKeys.AcmeAgent);
        var edited = await agent.SubmitReviewAsync(new SubmitReviewRequest
        {
            ReviewId = "rv-10", DraftId = answer.Draft.DraftId, Decision = ReviewDecision.Edited, RepresentativeId = "rep-7",
            FinalText = "안녕하세요, 고객님. 세금계산서는 마이페이지 > 주문내역에서 발행하실 수 있습니다. 감사합니다.",
            CorrectedCategory = "invoice", CorrectedIntent = "get_invoice", CorrectedUrgency = "normal",
        });
        Assert.True(edited.EditDistance > 0);
        Assert.Equal("review-" + answer.Draft.DraftId, edited.IndexedCaseId);

        var found = await _host.Client(TestKeys.AcmeIntake).FindSimilarCasesAsync(new FindSimilarCasesRequest { Ticket = Tickets.Valid("세금계산서 발행 부탁드립니다") });
        var indexed = Assert.Single(found.Cases, c => c.CaseId == edited.IndexedCaseId);
        Assert.Equal("get_invoice", indexed.Intent);
        Assert.Contains("마이페이지", indexed.Reply, StringComparison.Ordinal);

        using var export = _host.Client(TestKeys.AcmeAdmin).ExportLabeledTickets(new ExportLabeledTicketsRequest { LabelSource = LabelSource.Corrected });
        var rows = new List<LabeledTicket>();
        await foreach (var row in export.ResponseStream.ReadAllAsync())
        {
            rows.Add(row);
        }

        var exported = Assert.Single(rows, r => r.Ticket.TicketId == "R-T2");
        Assert.Equal(("invoice", "get_invoice", "normal", LabelSource.Corrected), (exported.Category, exported.Intent, exported.Urgency, exported.LabelSource));
        Assert.Equal(answer.Draft.Text, exported.DraftText);

        // Another tenant's export holds none of acme's reviews.
        var globexAdminHeaders = new Metadata { { "x-api-key", TestKeys.GlobexIntake } };
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
        {
            using var other = new TriageService.TriageServiceClient(_host.Channel()).ExportLabeledTickets(new ExportLabeledTicketsRequest(), globexAdminHeaders);
            await other.ResponseStream.MoveNext(CancellationToken.None);
        });
    }

    [Fact]
    public async Task A_streamed_draft_can_be_reviewed_by_the_id_in_its_final_message()
    {
        using var call = _host.Client(TestKeys.AcmeIntake).StreamDraftReply(new DraftReplyRequest { Ticket = Tickets.Valid("배송지 변경하고 싶어요") });
        var text = new System.Text.StringBuilder();
        Draft? final = null;
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            if (chunk.ChunkCase == DraftChunk.ChunkOneofCase.TextDelta)
            {
                text.Append(chunk.TextDelta);
            }
            else
            {
                final = chunk.Draft;
            }
        }

        Assert.NotNull(final);
        Assert.Equal(final!.Text, text.ToString().TrimEnd('\n'));
        var reviewed = await _host.Client(TestKeys.AcmeAgent).SubmitReviewAsync(Review("rv-20", final.DraftId, ReviewDecision.Rejected));
        Assert.Equal("rv-20", reviewed.ReviewId);
        Assert.Empty(reviewed.IndexedCaseId);
    }

    [Fact]
    public async Task Quality_stats_reflect_the_tenants_reviews_only()
    {
        var accepted = (await Triage("S-1", "비밀번호를 잊어버렸어요")).Draft.DraftId;
        var rejected = (await Triage("S-2", "회원 탈퇴하고 싶어요")).Draft.DraftId;
        var agent = _host.Client(TestKeys.AcmeAgent);
        await agent.SubmitReviewAsync(Review("st-1", accepted, ReviewDecision.Accepted));
        await agent.SubmitReviewAsync(Review("st-2", rejected, ReviewDecision.Rejected));

        var stats = await agent.GetQualityStatsAsync(new GetQualityStatsRequest());
        Assert.True(stats.Decisions >= 2);
        Assert.True(stats.Reviews >= 2);
        Assert.True(stats.RejectionReasons.GetValueOrDefault("wrong policy") >= 1);
        Assert.True(stats.DraftsByDrafter.GetValueOrDefault("composer") >= 2);
        Assert.InRange(stats.AcceptanceRate, 0.0, 1.0);

        await RpcAssert.Fails(StatusCode.PermissionDenied, () => _host.Client(TestKeys.AcmeIntake).GetQualityStatsAsync(new GetQualityStatsRequest()).ResponseAsync);
        await RpcAssert.InvalidField("to", () => agent.GetQualityStatsAsync(new GetQualityStatsRequest
        {
            From = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            To = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
        }).ResponseAsync);
    }
}
