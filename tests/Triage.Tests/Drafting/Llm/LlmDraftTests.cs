using Triage.Core.Drafting;
using Triage.Drafting.Llm;
using Triage.Tests.Retrieval.Remote.Fake;

namespace Triage.Tests.Drafting.Llm;

/// <summary>Drafts from a working endpoint, one-shot and streamed: text, citations, flags, the customer's own details.</summary>
public sealed class LlmDraftTests : IAsyncLifetime
{
    private const string Reply = "안녕하세요, 고객님. 반품이 확인되어 환불을 진행해 드렸습니다. 왕복 배송비 6,000원을 제외한 금액이 영업일 기준 3~5일 내 카드사로 반영됩니다. 진행 상황은 [PHONE_1] 번호로 안내드리겠습니다. 감사합니다.";

    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { ApiKey = LlmTestKit.Key });
        _server.Chat.Reply = _ => Reply;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_one_shot_draft_is_the_models_reply_with_citations_and_the_customers_number_restored()
    {
        var drafter = LlmTestKit.Drafter(_server);

        var draft = await drafter.DraftAsync(LlmTestKit.Request("환불 언제 되나요? 010-2384-5571 로 연락 주세요.", LlmTestKit.Case()), CancellationToken.None);

        Assert.Equal(LlmDrafter.DrafterName, draft.Drafter);
        Assert.Equal(LlmTestKit.Model, draft.ModelName);
        Assert.Equal(LlmTestKit.Model, drafter.ModelName);
        Assert.Equal(["case-refund-1"], draft.CitedCaseIds);
        Assert.Equal(DraftFlags.None, draft.Flags);
        Assert.Null(draft.DegradedReason);
        Assert.Equal("ko", draft.Language);
        Assert.Contains("왕복 배송비 6,000원", draft.Text, StringComparison.Ordinal);
        // Restored from the ticket's own redaction: this customer's number, where the ticket had it.
        Assert.Contains("010-2384-5571 번호로", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("[PHONE_1]", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_customers_placeholder_is_never_filled_with_data()
    {
        _server.Chat.Reply = _ => "안녕하세요, 고객님. 지난번처럼 [OTHER_PHONE] 로 연락드리겠습니다. 감사합니다.";
        var drafter = LlmTestKit.Drafter(_server);

        var draft = await drafter.DraftAsync(LlmTestKit.Request("환불 언제 되나요? 010-2384-5571", LlmTestKit.Case()), CancellationToken.None);

        Assert.Contains("[고객 연락처]", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("OTHER_PHONE", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("010-2384-5571", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_draft_arrives_in_pieces_and_ends_with_the_checked_draft()
    {
        var drafter = LlmTestKit.Drafter(_server);

        var (deltas, final) = await LlmTestKit.CollectAsync(drafter.StreamAsync(LlmTestKit.Request("환불 언제 되나요? 010-2384-5571", LlmTestKit.Case()), CancellationToken.None));

        Assert.True(deltas.Count > 5, $"expected many deltas, got {deltas.Count}");
        Assert.Equal(final.Text, string.Concat(deltas));
        Assert.Equal(DraftFlags.None, final.Flags);
        Assert.Equal(["case-refund-1"], final.CitedCaseIds);
        Assert.Contains("010-2384-5571", final.Text, StringComparison.Ordinal);
        Assert.True(_server.Faults.CallsOf(FakeOpenAiRoutes.ChatCompletions).Single().Body!["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task With_no_relevant_case_the_model_is_told_so_and_the_draft_needs_knowledge()
    {
        _server.Chat.Reply = _ => "안녕하세요, 고객님. 문의하신 내용을 확인하고 있습니다.";
        var drafter = LlmTestKit.Drafter(_server);

        var draft = await drafter.DraftAsync(LlmTestKit.Request("포장 박스 재질이 궁금해요", LlmTestKit.Case(score: 0.05f)), CancellationToken.None);

        Assert.Contains("No relevant resolved case was found.", LlmTestKit.UserMessage(LlmTestKit.LastChatBody(_server)), StringComparison.Ordinal);
        Assert.Empty(draft.CitedCaseIds);
        Assert.True(draft.Flags.HasFlag(DraftFlags.NeedsKnowledge));
        Assert.Contains("[담당자 작성 필요", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_azure_deployment_is_addressed_by_path_key_header_and_api_version()
    {
        var drafter = LlmTestKit.Drafter(_server, o => { o.Kind = LlmEndpointKind.Azure; o.Endpoint = _server.Root; });

        var draft = await drafter.DraftAsync(LlmTestKit.Request("환불 언제 되나요?", LlmTestKit.Case()), CancellationToken.None);

        var call = _server.Faults.CallsOf(FakeOpenAiRoutes.ChatCompletions).Single();
        Assert.Equal($"/openai/deployments/{LlmTestKit.Model}/chat/completions", call.Path);
        Assert.Contains("api-version=", call.Query, StringComparison.Ordinal);
        Assert.Equal(LlmTestKit.Key, call.ApiKeyHeader);
        Assert.Equal(DraftFlags.None, draft.Flags);
    }
}
