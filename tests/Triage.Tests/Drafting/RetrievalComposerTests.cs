using Triage.Core.Drafting;
using Triage.Core.Intake;
using Triage.Core.Retrieval;
using Triage.Core.Tickets;
using Triage.Drafting.Composer;

namespace Triage.Tests.Drafting;

public sealed class RetrievalComposerTests
{
    private static readonly RetrievalComposer Composer = new();

    private static GroundingCase Case(string id, string reply, string intent = "track_refund", string category = "refund", float score = 0.6f) =>
        new(new CaseRecord("acme", id, "ko", Channel.Email, "", "환불 언제 되나요", reply, category, intent, "normal", "answered", DateTimeOffset.UnixEpoch), score);

    private static DraftRequest Request(string body, string? intent, string? urgency, params GroundingCase[] cases) =>
        new(TicketPreparer.Prepare(new Ticket("T-1", "", body, Channel.Email)), "refund", intent, urgency, TimeSpan.FromHours(4), cases);

    [Fact]
    public void A_korean_draft_reuses_the_same_intent_resolution_in_polite_form_with_the_sla()
    {
        var draft = Composer.Compose(Request("환불 신청한 지 일주일 됐는데 아직이에요. 주문번호 20241103-0042781", "track_refund", "high",
            Case("other-intent", "안녕하세요, 고객님. 반품 접수는 마이페이지에서 가능합니다. 감사합니다.", intent: "get_refund", score: 0.9f),
            Case("same-intent", "안녕하세요, 고객님. 고객센터입니다. 주문번호 20240901-0000001 건 환불은 11월 5일에 카드사로 요청되었습니다. 카드사 영업일 기준 3~5일 내 취소가 반영됩니다. 감사합니다.")));

        Assert.Equal(["same-intent"], draft.CitedCaseIds);
        Assert.Equal("ko", draft.Language);
        Assert.StartsWith("안녕하세요, 고객님.", draft.Text, StringComparison.Ordinal);
        Assert.Contains("오래 기다리시게 해 드려 죄송합니다.", draft.Text, StringComparison.Ordinal);
        Assert.Contains("카드사 영업일 기준 3~5일 내 취소가 반영됩니다.", draft.Text, StringComparison.Ordinal);
        // The other customer's order number and date are gone; this ticket's own number is used.
        Assert.DoesNotContain("20240901-0000001", draft.Text, StringComparison.Ordinal);
        Assert.Contains("20241103-0042781", draft.Text, StringComparison.Ordinal);
        Assert.Contains("[날짜]", draft.Text, StringComparison.Ordinal);
        Assert.Contains("4시간 이내", draft.Text, StringComparison.Ordinal);
        Assert.EndsWith("감사합니다.", draft.Text, StringComparison.Ordinal);
        Assert.Equal(DraftFlags.None, draft.Flags);
    }

    [Fact]
    public void Without_a_ticket_value_the_placeholder_stays_visible_and_policy_amounts_stay()
    {
        var draft = Composer.Compose(Request("환불 언제 돼요", "track_refund", "normal",
            Case("c1", "고객님 주문 ORD-88123 건 39,800원 환불 완료되었습니다. 단순 변심 반품은 왕복 배송비 6,000원이 차감됩니다. 연락처 [PHONE_1]로 안내드렸습니다.")));
        Assert.Contains("[주문번호]", draft.Text, StringComparison.Ordinal);
        Assert.Contains("[금액]", draft.Text, StringComparison.Ordinal);
        Assert.Contains("왕복 배송비 6,000원", draft.Text, StringComparison.Ordinal);
        Assert.Contains("[고객 연락처]", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("[PHONE_1]", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("39,800원", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_relevant_case_the_draft_asks_for_the_representatives_knowledge()
    {
        var draft = Composer.Compose(Request("환불 언제 돼요", "track_refund", "normal", Case("weak", "무관한 답변입니다.", score: 0.05f)));
        Assert.Empty(draft.CitedCaseIds);
        Assert.True(draft.Flags.HasFlag(DraftFlags.NeedsKnowledge));
        Assert.Contains("[담당자 작성 필요", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_english_ticket_gets_an_english_draft()
    {
        var request = new DraftRequest(TicketPreparer.Prepare(new Ticket("T-2", "Refund", "Where is my refund for order #552901? It has been two weeks.", Channel.Email)),
            "refund", "track_refund", "urgent", TimeSpan.FromHours(1),
            [new GroundingCase(new CaseRecord("acme", "en-1", "en", Channel.Email, "", "refund status", "Hello Sam, thank you for contacting us. Your refund for order #123456 was issued on 2025-03-02 and takes 3-5 business days to appear. Kind regards, Dana", "refund", "track_refund", "normal", "answered", DateTimeOffset.UnixEpoch), 0.5f)]);
        var draft = Composer.Compose(request);
        Assert.Equal("en", draft.Language);
        Assert.StartsWith("Hello, and thank you for contacting us.", draft.Text, StringComparison.Ordinal);
        Assert.Contains("treating this as a priority", draft.Text, StringComparison.Ordinal);
        Assert.Contains("#552901", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("#123456", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dana", draft.Text, StringComparison.Ordinal);
        Assert.Contains("within 1 hour.", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_yields_the_text_then_the_final_draft()
    {
        var items = new List<DraftStreamItem>();
        await foreach (var item in Composer.StreamAsync(Request("환불 언제 돼요", "track_refund", "low", Case("c1", "환불은 3~5영업일 소요됩니다.")), CancellationToken.None))
        {
            items.Add(item);
        }

        Assert.NotNull(items[^1].Final);
        Assert.Equal(items[^1].Final!.Text + "\n", string.Concat(items.Where(i => i.TextDelta is not null).Select(i => i.TextDelta)));
    }

    [Fact]
    public void The_other_cases_order_and_parcel_numbers_never_reach_the_draft_and_its_timeline_is_marked()
    {
        var draft = Composer.Compose(Request("운동화가 아직 안 왔어요. 주문번호 20241103-0042781", "track_order", "normal",
            Case("c1", "안녕하세요, 고객님. 주문 20250821-0031145는 8/21 출고되어 오늘 오전 배송 출발했습니다(우체국택배 송장 6892-0013-5521). 감사합니다.", intent: "track_order", category: "order")));
        Assert.DoesNotContain("20250821-0031145", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("6892-0013-5521", draft.Text, StringComparison.Ordinal);
        Assert.Contains("주문 20241103-0042781는", draft.Text, StringComparison.Ordinal);
        Assert.Contains("[송장번호]", draft.Text, StringComparison.Ordinal);
        Assert.Contains("[확인 필요] 주문", draft.Text, StringComparison.Ordinal);
    }
}
