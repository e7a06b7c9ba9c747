using Grpc.Core;
using Triage.Api.V1;
using Triage.Tests.Api;
using Triage.Tests.Retrieval.Remote.Fake;
using Triage.Tests.Serving;

namespace Triage.Tests.Drafting;

/// <summary>The LLM drafter through the whole service, against the fake OpenAI-compatible endpoint on a real socket.</summary>
public sealed class LlmServiceTests : IAsyncLifetime
{
    private FakeOpenAiServer _llm = null!;

    public async Task InitializeAsync() => _llm = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _llm.DisposeAsync();

    private TriageHost Host() => new TriageHost()
        .With("Triage:Drafting:Provider", "Llm")
        .With("Triage:Drafting:Llm:Endpoint", _llm.BaseAddress.ToString())
        .With("Triage:Drafting:Llm:Model", "fake-chat")
        .With("Triage:Drafting:Llm:Deadline", "00:00:02")
        .With("Triage:Drafting:Llm:MaxRetries", "0");

    [Fact]
    public async Task A_draft_streams_over_grpc_from_the_llm()
    {
        _llm.Chat.Reply = _ => "안녕하세요, 고객님. 주문하신 상품은 출고 준비 중입니다. 조금만 기다려 주세요.";
        using var host = Host();
        await FakeBundleLoader.WriteAsync(host.ModelPath, "fake-1");

        using var call = host.Client(TestKeys.AcmeIntake).StreamDraftReply(new DraftReplyRequest { Ticket = Tickets.Valid("주문한 상품 언제 출고되나요?") });
        var deltas = 0;
        Draft? final = null;
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            if (chunk.ChunkCase == DraftChunk.ChunkOneofCase.TextDelta)
            {
                deltas++;
            }
            else
            {
                final = chunk.Draft;
            }
        }

        Assert.True(deltas > 1, "the draft arrives in pieces");
        Assert.NotNull(final);
        Assert.Equal("llm", final!.Drafter);
        Assert.Equal("fake-chat", final.ModelName);
        Assert.DoesNotContain(DraftFlag.Degraded, final.Flags);
        Assert.Contains("출고 준비 중", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_llm_falls_back_to_the_composer_and_says_so()
    {
        _llm.Faults.Fail(FakeOpenAiRoutes.ChatCompletions, 500);
        using var host = Host();
        await FakeBundleLoader.WriteAsync(host.ModelPath, "fake-1");

        var answer = await host.Client(TestKeys.AcmeIntake).TriageTicketAsync(new TriageTicketRequest { Ticket = Tickets.Valid("환불 언제 돼요?") });
        Assert.Equal("composer", answer.Draft.Drafter);
        Assert.Contains(DraftFlag.Degraded, answer.Draft.Flags);
    }
}
