using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Triage.Api.V1;
using Triage.Tests.Api;

namespace Triage.Tests.BadInput;

/// <summary>
/// The bad input that needs state: replayed ids, another tenant's drafts and cases, and ingestion streams
/// with many or unparsable items. Each ends by checking the service still answers.
/// </summary>
public sealed class ReplayTests(BadInputHostFixture fixture) : IClassFixture<BadInputHostFixture>
{
    private readonly GrpcChannel _channel = fixture.Host.Channel();

    private TriageService.TriageServiceClient As(string key) => new(_channel.CreateCallInvoker().Intercept(h =>
    {
        h.Add("x-api-key", key);
        return h;
    }));

    private async Task<string> NewDraftAsync(string ticketId)
    {
        var draft = await As(TestKeys.AcmeIntake).DraftReplyAsync(new DraftReplyRequest { Ticket = WithId(Tickets.Valid(), ticketId) });
        return draft.Draft.DraftId;
    }

    private static Ticket WithId(Ticket ticket, string id)
    {
        ticket.TicketId = id;
        return ticket;
    }

    private static SubmitReviewRequest Accept(string reviewId, string draftId) =>
        new() { ReviewId = reviewId, DraftId = draftId, Decision = ReviewDecision.Accepted, RepresentativeId = "rep-1" };

    [Fact]
    public async Task A_replayed_review_id_repeats_the_first_outcome()
    {
        var draftId = await NewDraftAsync("T-replay-1");
        var agent = As(TestKeys.AcmeAgent);
        var first = await agent.SubmitReviewAsync(Accept("R-replay-1", draftId));
        var again = await agent.SubmitReviewAsync(Accept("R-replay-1", draftId));
        // Replayed with other content, the id still returns the first outcome rather than a second review.
        var changed = await agent.SubmitReviewAsync(new SubmitReviewRequest
        {
            ReviewId = "R-replay-1", DraftId = draftId, Decision = ReviewDecision.Rejected, RejectionReason = "wrong", RepresentativeId = "rep-2",
        });

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.True(changed.Duplicate);
        Assert.Equal(first.IndexedCaseId, again.IndexedCaseId);
        Assert.Equal(first.EditDistance, changed.EditDistance);
        await StillServes();
    }

    [Fact]
    public async Task A_second_review_of_one_draft_already_exists()
    {
        var draftId = await NewDraftAsync("T-replay-2");
        var agent = As(TestKeys.AcmeAgent);
        await agent.SubmitReviewAsync(Accept("R-replay-2a", draftId));
        var ex = await RpcAssert.Fails(StatusCode.AlreadyExists, () => agent.SubmitReviewAsync(Accept("R-replay-2b", draftId)).ResponseAsync);
        Assert.Contains("R-replay-2a", ex.Status.Detail, StringComparison.Ordinal);
        await StillServes();
    }

    [Fact]
    public async Task Another_tenants_draft_is_as_unknown_as_a_missing_one()
    {
        var draftId = await NewDraftAsync("T-tenant-1");
        var globex = As(BadInputHostFixture.GlobexAgent);
        var theirs = await RpcAssert.Fails(StatusCode.NotFound, () => globex.SubmitReviewAsync(Accept("R-tenant-1", draftId)).ResponseAsync);
        var missing = await RpcAssert.Fails(StatusCode.NotFound, () => globex.SubmitReviewAsync(Accept("R-tenant-2", "d-no-such-draft")).ResponseAsync);
        // The same words for both: nothing tells the other tenant the draft exists.
        Assert.Equal(missing.Status.Detail.Replace("d-no-such-draft", "ID", StringComparison.Ordinal), theirs.Status.Detail.Replace(draftId, "ID", StringComparison.Ordinal));

        // And acme can still review it: the refused attempt left nothing behind.
        Assert.False((await As(TestKeys.AcmeAgent).SubmitReviewAsync(Accept("R-tenant-1", draftId))).Duplicate);
        await StillServes();
    }

    [Fact]
    public async Task A_reingested_case_id_replaces_the_case_and_stays_in_its_tenant()
    {
        var admin = As(TestKeys.AcmeAdmin);
        for (var round = 1; round <= 2; round++)
        {
            using var call = admin.IngestResolvedCases();
            await call.RequestStream.WriteAsync(ACase("bi-replayed", $"환불은 영업일 기준 {round}일 안에 처리됩니다."));
            await call.RequestStream.CompleteAsync();
            var answer = await call;
            Assert.Equal((1, 0), (answer.Accepted, answer.Rejected));
        }

        var search = new FindSimilarCasesRequest { Ticket = Tickets.Valid("환불 언제 되나요? 결제 취소 요청합니다"), TopK = 50, MinSimilarity = 0.0001f };
        var found = (await As(TestKeys.AcmeIntake).FindSimilarCasesAsync(search)).Cases.Where(c => c.CaseId == "bi-replayed").ToList();
        Assert.Single(found);
        Assert.Contains("2일", found[0].Reply, StringComparison.Ordinal);

        // Another tenant neither finds nor deletes it, and learns nothing from trying.
        Assert.DoesNotContain((await As(TestKeys.GlobexIntake).FindSimilarCasesAsync(search)).Cases, c => c.CaseId == "bi-replayed");
        Assert.False((await As(BadInputHostFixture.GlobexAdmin).DeleteCaseAsync(new DeleteCaseRequest { CaseId = "bi-replayed" })).Deleted);
        Assert.Single((await As(TestKeys.AcmeIntake).FindSimilarCasesAsync(search)).Cases, c => c.CaseId == "bi-replayed");
        await StillServes();
    }

    [Fact]
    public async Task A_stream_of_many_bad_items_is_counted_in_full_and_itemized_in_part()
    {
        using var call = As(TestKeys.AcmeAdmin).IngestResolvedCases();
        for (var i = 0; i < 250; i++)
        {
            await call.RequestStream.WriteAsync(ACase($"bi-bad-{i}", reply: ""));
        }

        await call.RequestStream.WriteAsync(ACase("bi-good", "주문 취소해 드렸습니다."));
        await call.RequestStream.CompleteAsync();
        var answer = await call;
        Assert.Equal((1, 250), (answer.Accepted, answer.Rejected));
        Assert.Equal(Triage.Server.Grpc.TriageApiService.MaxReportedItemErrors, answer.Errors.Count);
        Assert.All(answer.Errors, e => Assert.Equal("reply", e.Field));
        Assert.Equal(Enumerable.Range(0, answer.Errors.Count), answer.Errors.Select(e => e.Index));
        await StillServes();
    }

    [Fact]
    public async Task An_unparsable_item_fails_the_stream_naming_its_field()
    {
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        var method = new Method<byte[], byte[]>(MethodType.ClientStreaming, TriageService.Descriptor.FullName, "IngestResolvedCases", bytes, bytes);
        var broken = ACase("bi-broken", "#BAD#").ToByteArray();
        var at = broken.AsSpan().IndexOf("#BAD#"u8);
        broken[at + 1] = 0xFF;
        using var call = _channel.CreateCallInvoker().AsyncClientStreamingCall(method, null, new CallOptions(new Metadata { { "x-api-key", TestKeys.AcmeAdmin } }));
        await call.RequestStream.WriteAsync(ACase("bi-fine", "괜찮습니다.").ToByteArray());
        await call.RequestStream.WriteAsync(broken);
        await call.RequestStream.CompleteAsync();
        var ex = await RpcAssert.Fails(StatusCode.InvalidArgument, () => call.ResponseAsync);
        var field = ex.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations.Single().Field;
        Assert.Equal("reply", field);
        await StillServes();
    }

    private static ResolvedCase ACase(string id, string reply) => new()
    {
        CaseId = id, Channel = Channel.Email, Body = "환불 언제 되나요? 결제 취소 요청합니다", Reply = reply, Language = "ko", Intent = "get_refund",
    };

    private async Task StillServes() =>
        Assert.Equal("fake-1", (await As(TestKeys.AcmeIntake).ClassifyTicketAsync(Tickets.Classify())).ModelVersion);
}
