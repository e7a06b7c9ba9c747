using Triage.Tests.Retrieval.Remote.Fake;

namespace Triage.Tests.Drafting.Llm;

/// <summary>What leaves the process: the delimited ticket, the cases, the labels, and no personal data.</summary>
public sealed class LlmPromptTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { ApiKey = LlmTestKit.Key });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_prompt_holds_the_delimited_ticket_and_cases_and_no_personal_data()
    {
        var drafter = LlmTestKit.Drafter(_server);
        var request = LlmTestKit.Request("환불 신청했는데 아직 입금이 안 됐어요. 연락은 010-2384-5571 또는 minji.kim@example.com 으로 주세요.", LlmTestKit.Case());

        await drafter.DraftAsync(request, CancellationToken.None);

        var call = _server.Faults.CallsOf(FakeOpenAiRoutes.ChatCompletions).Single();
        var raw = call.Body!.ToJsonString();
        Assert.DoesNotContain("010-2384-5571", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("2384", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("minji.kim", raw, StringComparison.Ordinal);
        Assert.Equal("Bearer " + LlmTestKit.Key, call.Authorization);
        Assert.Equal(LlmTestKit.Model, call.Body!["model"]!.GetValue<string>());

        var user = LlmTestKit.UserMessage(call.Body!);
        var ticket = Between(user, "<ticket>", "</ticket>");
        Assert.Contains("환불 신청했는데 아직 입금이 안 됐어요.", ticket, StringComparison.Ordinal);
        Assert.Contains("[PHONE_1]", ticket, StringComparison.Ordinal);
        Assert.Contains("[EMAIL_1]", ticket, StringComparison.Ordinal);

        var cases = Between(user, "<cases>", "</cases>");
        Assert.Contains("<case id=\"case-refund-1\"", cases, StringComparison.Ordinal);
        Assert.Contains("왕복 배송비 6,000원", cases, StringComparison.Ordinal);
        // The other customer's placeholder is renamed, so restoring this ticket's [PHONE_1] can never land on it.
        Assert.Contains("[OTHER_PHONE]", cases, StringComparison.Ordinal);
        Assert.DoesNotContain("[PHONE_1]", cases, StringComparison.Ordinal);

        Assert.Contains("urgency high", user, StringComparison.Ordinal);
        Assert.Contains("4 hours", user, StringComparison.Ordinal);
        Assert.Contains("tier Premium", user, StringComparison.Ordinal);
        Assert.Contains("in Korean", LlmTestKit.SystemMessage(call.Body!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_data_left_in_a_case_is_caught_before_it_leaves()
    {
        var drafter = LlmTestKit.Drafter(_server);
        // A case stored before redaction existed: the prompt filter and the case fence are the last line.
        var leaky = LlmTestKit.Case(body: "제 번호는 010-9876-5432, 메일 old.customer@example.org 입니다.", reply: LlmTestKit.RefundCaseReply);

        await drafter.DraftAsync(LlmTestKit.Request("환불 언제 되나요?", leaky), CancellationToken.None);

        var raw = LlmTestKit.LastChatBody(_server).ToJsonString();
        Assert.DoesNotContain("9876", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("old.customer", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execution_settings_carry_the_token_limit_and_temperature()
    {
        var drafter = LlmTestKit.Drafter(_server, o => { o.MaxTokens = 321; o.Temperature = 0.1; });

        await drafter.DraftAsync(LlmTestKit.Request("환불 언제 되나요?", LlmTestKit.Case()), CancellationToken.None);

        var body = LlmTestKit.LastChatBody(_server);
        var limit = body["max_completion_tokens"] ?? body["max_tokens"];
        Assert.Equal(321, limit!.GetValue<int>());
        Assert.Equal(0.1, body["temperature"]!.GetValue<double>(), 3);
    }

    internal static string Between(string text, string open, string close)
    {
        var start = text.IndexOf(open, StringComparison.Ordinal);
        var end = text.IndexOf(close, start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"expected {open}…{close} in the prompt");
        return text[(start + open.Length)..end];
    }
}
