using Triage.Core.Drafting;
using Triage.Tests.Retrieval.Remote.Fake;

namespace Triage.Tests.Drafting.Llm;

/// <summary>Claims in the model's draft that neither the ticket nor a cited case supports are removed or marked.</summary>
public sealed class LlmGroundingTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { ApiKey = LlmTestKit.Key });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_invented_compensation_amount_is_removed_and_flagged()
    {
        _server.Chat.Reply = _ => "안녕하세요, 고객님. 불편을 드려 죄송합니다. 50,000원 보상해 드리겠습니다. 반품 건은 영업일 기준 3~5일 내 반영됩니다.";
        var drafter = LlmTestKit.Drafter(_server);

        var draft = await drafter.DraftAsync(LlmTestKit.Request("배송이 너무 늦어요. 환불 언제 돼요?", LlmTestKit.Case()), CancellationToken.None);

        Assert.True(draft.Flags.HasFlag(DraftFlags.UnsupportedClaims));
        Assert.DoesNotContain("50,000원", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("보상", draft.Text, StringComparison.Ordinal);
        Assert.Contains("영업일 기준 3~5일 내 반영됩니다.", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amount_from_the_cited_case_is_kept()
    {
        _server.Chat.Reply = _ => "안녕하세요, 고객님. 왕복 배송비 6,000원을 제외한 금액이 환불됩니다. 영업일 기준 3~5일 내 반영됩니다.";
        var drafter = LlmTestKit.Drafter(_server);

        var draft = await drafter.DraftAsync(LlmTestKit.Request("반품했어요. 환불 언제 돼요?", LlmTestKit.Case()), CancellationToken.None);

        Assert.Equal(DraftFlags.None, draft.Flags);
        Assert.Contains("왕복 배송비 6,000원을 제외한 금액이 환불됩니다.", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invented_figures_dates_links_and_numbers_become_visible_placeholders_in_a_streamed_draft()
    {
        _server.Chat.Reply = _ => "Hello, thank you for contacting us. Your refund of $120.00 will arrive by 12/24. Track it at https://refunds.example.net/track or call 1588-7777. The return fee of $6 was already deducted.";
        var drafter = LlmTestKit.Drafter(_server);
        var englishCase = LlmTestKit.Case(reply: "Hello. We refunded your order; the return fee of $6 was deducted. It takes 3-5 business days. Kind regards");

        var (_, final) = await LlmTestKit.CollectAsync(drafter.StreamAsync(LlmTestKit.Request("Where is my refund?", "en", englishCase), CancellationToken.None));

        Assert.True(final.Flags.HasFlag(DraftFlags.UnsupportedClaims));
        Assert.Equal("en", final.Language);
        Assert.DoesNotContain("$120.00", final.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("12/24", final.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("refunds.example.net", final.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("1588-7777", final.Text, StringComparison.Ordinal);
        Assert.Contains("[amount]", final.Text, StringComparison.Ordinal);
        Assert.Contains("[date]", final.Text, StringComparison.Ordinal);
        Assert.Contains("[verify]", final.Text, StringComparison.Ordinal);
        Assert.Contains("The return fee of $6 was already deducted.", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refund_promise_without_a_refunding_case_is_removed()
    {
        _server.Chat.Reply = _ => "Hello. We will refund you in full today. Our team is looking into the delivery.";
        var drafter = LlmTestKit.Drafter(_server);
        var deliveryCase = LlmTestKit.Case(reply: "Hello. We contacted the courier and your parcel is on its way. Kind regards");

        var draft = await drafter.DraftAsync(LlmTestKit.Request("My parcel is late, I want my money back", "en", deliveryCase), CancellationToken.None);

        Assert.True(draft.Flags.HasFlag(DraftFlags.UnsupportedClaims));
        Assert.DoesNotContain("refund", draft.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Our team is looking into the delivery.", draft.Text, StringComparison.Ordinal);
    }
}
