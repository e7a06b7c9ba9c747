using Grpc.Core;
using Triage.Api.V1;
using Triage.Tests.Api;

namespace Triage.Tests.Retrieval;

/// <summary>Similar-case search, ingestion and deletion through the API, tenant by tenant.</summary>
public sealed class CaseApiTests(TriageHostFixture fixture) : IClassFixture<TriageHostFixture>
{
    private readonly TriageHost _host = fixture.Host;

    private static ResolvedCase Case(string id, string body, string reply, string category = "refund", string intent = "get_refund") => new()
    {
        CaseId = id, Channel = Channel.Email, Subject = "", Body = body, Reply = reply, Category = category, Intent = intent,
        Urgency = "normal", Outcome = "refunded",
    };

    private async Task<IngestResolvedCasesResponse> Ingest(string key, params ResolvedCase[] cases)
    {
        using var call = _host.Client(key).IngestResolvedCases();
        foreach (var c in cases)
        {
            await call.RequestStream.WriteAsync(c);
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }

    private Task<FindSimilarCasesResponse> Find(string key, string body, int topK = 5) =>
        _host.Client(key).FindSimilarCasesAsync(new FindSimilarCasesRequest { Ticket = Tickets.Valid(body), TopK = topK }).ResponseAsync;

    [Fact]
    public async Task Ingested_cases_are_found_by_meaning_within_the_tenant_only()
    {
        var ingest = await Ingest(TestKeys.AcmeAdmin,
            Case("acme-refund-1", "환불 신청했는데 아직 카드 취소가 안 됐어요", "카드사 영업일 기준 3~5일 내 취소됩니다."),
            Case("acme-address-1", "배송지 주소를 바꾸고 싶어요 이사했어요", "출고 전이라 주소를 변경해 드렸습니다.", "shipping_address", "change_shipping_address"));
        Assert.Equal(2, ingest.Accepted);

        var found = await Find(TestKeys.AcmeIntake, "환불 신청한 지 일주일인데 카드 취소가 아직이에요");
        Assert.Equal("acme-refund-1", found.Cases[0].CaseId);
        Assert.Contains(found.Cases[0].MatchedTerms, t => t.StartsWith("카드", StringComparison.Ordinal) || t.StartsWith("환불", StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(found.Embedder));

        // Another tenant, same question: none of acme's cases.
        var other = await Find(TestKeys.GlobexIntake, "환불 신청한 지 일주일인데 카드 취소가 아직이에요");
        Assert.DoesNotContain(other.Cases, c => c.CaseId.StartsWith("acme-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_item_is_reported_and_the_stream_goes_on()
    {
        var result = await Ingest(TestKeys.AcmeAdmin,
            Case("ok-1", "영수증 재발급 부탁드려요", "마이페이지에서 재발급 가능합니다.", "invoice", "get_invoice"),
            Case("", "본문", "답변"),
            Case("bad-2", "   ", "답변"),
            Case("ok-2", "현금영수증 신청은 어디서 하나요", "주문내역에서 신청하실 수 있습니다.", "invoice", "get_invoice"));
        Assert.Equal(2, result.Accepted);
        Assert.Equal(2, result.Rejected);
        Assert.Contains(result.Errors, e => e.Index == 1 && e.Field == "case_id");
        Assert.Contains(result.Errors, e => e.Index == 2 && e.Field == "body" && e.CaseId == "bad-2");
    }

    [Fact]
    public async Task Personal_data_is_redacted_before_a_case_is_stored()
    {
        await Ingest(TestKeys.AcmeAdmin, Case("pii-1", "탈퇴하고 싶어요 연락처 010-2384-5571 메일 minji@example.com", "탈퇴 처리되었습니다. 010-2384-5571로 안내 문자 드렸습니다.", "account", "delete_account"));
        var found = await Find(TestKeys.AcmeIntake, "회원 탈퇴하고 싶어요");
        var hit = Assert.Single(found.Cases, c => c.CaseId == "pii-1");
        Assert.DoesNotContain("2384", hit.Body + hit.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("minji", hit.Body, StringComparison.Ordinal);
        Assert.Contains("[PHONE_1]", hit.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_removes_a_case_for_its_own_tenant_only()
    {
        await Ingest(TestKeys.AcmeAdmin, Case("del-1", "새벽배송 가능한 지역인가요 분당입니다", "분당은 새벽배송 가능 지역입니다.", "delivery", "delivery_options"));
        var globexAdmin = new TriageService.TriageServiceClient(_host.Channel());
        Assert.Contains((await Find(TestKeys.AcmeIntake, "새벽배송 되는 지역인지 궁금해요")).Cases, c => c.CaseId == "del-1");

        Assert.True((await _host.Client(TestKeys.AcmeAdmin).DeleteCaseAsync(new DeleteCaseRequest { CaseId = "del-1" })).Deleted);
        Assert.False((await _host.Client(TestKeys.AcmeAdmin).DeleteCaseAsync(new DeleteCaseRequest { CaseId = "del-1" })).Deleted);
        Assert.DoesNotContain((await Find(TestKeys.AcmeIntake, "새벽배송 되는 지역인지 궁금해요")).Cases, c => c.CaseId == "del-1");
        await RpcAssert.Fails(StatusCode.Unauthenticated, () => globexAdmin.DeleteCaseAsync(new DeleteCaseRequest { CaseId = "x" }).ResponseAsync);
    }

    [Fact]
    public async Task Triage_returns_similar_cases_with_the_classification()
    {
        await Ingest(TestKeys.AcmeAdmin, Case("tri-1", "결제가 두 번 됐어요 한 건 취소해 주세요", "중복 결제 1건 취소 처리했습니다.", "payment", "payment_issue"));
        var answer = await _host.Client(TestKeys.AcmeIntake).TriageTicketAsync(new TriageTicketRequest { Ticket = Tickets.Valid("결제가 두 번 되었습니다 하나 취소 부탁해요"), SkipDraft = true });
        Assert.Contains(answer.SimilarCases, c => c.CaseId == "tri-1");
        Assert.Equal("fake-1", answer.ModelVersion);
        Assert.DoesNotContain(answer.Degradations, d => d.Component == Component.Retrieval);
    }
}
