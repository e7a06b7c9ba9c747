using System.Text.Json.Nodes;
using Triage.Core.Drafting;
using Triage.Core.Intake;
using Triage.Core.Retrieval;
using Triage.Core.Tickets;
using Triage.Drafting.Composer;
using Triage.Drafting.Llm;
using Triage.Tests.Retrieval.Remote.Fake;

namespace Triage.Tests.Drafting.Llm;

/// <summary>Tickets, cases and a drafter pointed at the fake endpoint, shared by the LLM drafter's tests.</summary>
internal static class LlmTestKit
{
    public const string Model = "gpt-test";
    public const string Key = "sk-chat-test";

    public const string RefundCaseReply = "안녕하세요, 고객님. 주문하신 상품의 반품이 확인되어 환불을 진행해 드렸습니다. 왕복 배송비 6,000원을 제외한 금액이 카드사로 요청되었고 영업일 기준 3~5일 내 취소가 반영됩니다. 연락처 [PHONE_1]로도 안내드렸습니다. 감사합니다.";

    public static LlmDrafterOptions Options(FakeOpenAiServer server, Action<LlmDrafterOptions>? adjust = null)
    {
        var options = new LlmDrafterOptions
        {
            Endpoint = server.BaseAddress,
            ApiKey = Key,
            Model = Model,
            // Long enough never to fire by accident on a loaded machine; the slowness tests set a short one.
            Deadline = TimeSpan.FromSeconds(5),
            MaxRetries = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        };
        adjust?.Invoke(options);
        return options;
    }

    public static LlmDrafter Drafter(FakeOpenAiServer server, Action<LlmDrafterOptions>? adjust = null) =>
        new(Options(server, adjust), new RetrievalComposer());

    public static GroundingCase Case(string id = "case-refund-1", string reply = RefundCaseReply, float score = 0.7f, string body = "반품했는데 환불이 언제 되나요? 연락처 [PHONE_1]") =>
        new(new CaseRecord("acme", id, "ko", Channel.Email, "환불 문의", body, reply, "refund", "track_refund", "normal", "answered", DateTimeOffset.UnixEpoch), score);

    public static DraftRequest Request(string body, params GroundingCase[] cases) => Request(body, "ko", cases);

    public static DraftRequest Request(string body, string language, params GroundingCase[] cases) =>
        new(TicketPreparer.Prepare(new Ticket("T-9", "", body, Channel.Email, language, Tier: CustomerTier.Premium)),
            "refund", "track_refund", "high", TimeSpan.FromHours(4), cases);

    public static string SystemMessage(JsonObject body) => FakeChatScript.Messages(body).Single(m => m.Role == "system").Content;

    public static string UserMessage(JsonObject body) => FakeChatScript.Messages(body).Single(m => m.Role == "user").Content;

    public static JsonObject LastChatBody(FakeOpenAiServer server) => server.Faults.CallsOf(FakeOpenAiRoutes.ChatCompletions)[^1].Body!;

    public static async Task<(List<string> Deltas, DraftResult Final)> CollectAsync(IAsyncEnumerable<DraftStreamItem> stream)
    {
        var deltas = new List<string>();
        DraftResult? final = null;
        await foreach (var item in stream)
        {
            Assert.Null(final);
            if (item.Final is { } f)
            {
                final = f;
            }
            else
            {
                deltas.Add(item.TextDelta!);
            }
        }

        return (deltas, final ?? throw new InvalidOperationException("the stream ended without a final draft"));
    }
}
