using Grpc.Core;
using Triage.Api.V1;
using Triage.Tests.Api;
using Triage.Tests.Retrieval.Remote.Fake;

namespace Triage.Tests.Faults;

/// <summary>
/// The real server process with an LLM drafter whose endpoint (the fake, on a real socket) fails: every drafting call
/// still answers, with the composer's draft flagged degraded and the reason listed, and the process keeps serving.
/// </summary>
public sealed class LlmEndpointFaultTests : IClassFixture<LlmServerFixture>, IDisposable
{
    private static readonly TimeSpan Bound = LlmServerFixture.Deadline + TimeSpan.FromSeconds(7);
    private readonly LlmServerFixture _fixture;

    public LlmEndpointFaultTests(LlmServerFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    public void Dispose() => _fixture.Reset();

    private TriageService.TriageServiceClient Client => _fixture.Client;

    private static DraftReplyRequest DraftRequest() => new() { Ticket = Tickets.Valid("반품했는데 환불이 언제 되나요?") };

    [Fact]
    public async Task Llm_answering_500_gives_every_drafting_call_the_composers_draft_flagged_degraded()
    {
        _fixture.Llm.Faults.Fail(FakeOpenAiRoutes.ChatCompletions, 500);

        var draft = await FaultKit.Within(Bound, () => Client.DraftReplyAsync(DraftRequest()).ResponseAsync);
        AssertComposerFallback(draft.Draft);
        AssertDraftingDegraded(draft.Degradations, "HTTP 500");

        using var stream = Client.StreamDraftReply(DraftRequest());
        var (_, final) = await FaultKit.Within(Bound, () => FaultKit.ReadDraftStreamAsync(stream));
        AssertComposerFallback(final);

        var triage = await FaultKit.Within(Bound, () => Client.TriageTicketAsync(new TriageTicketRequest { Ticket = DraftRequest().Ticket }).ResponseAsync);
        Assert.NotNull(triage.Classification);
        AssertComposerFallback(triage.Draft);
        AssertDraftingDegraded(triage.Degradations, "HTTP 500");

        await AssertTheModelDraftsAgainAsync();
    }

    [Fact]
    public async Task A_hanging_llm_falls_back_within_the_deadline()
    {
        _fixture.Llm.Faults.Delay(FakeOpenAiRoutes.ChatCompletions, TimeSpan.FromMinutes(2));

        // All three at once: each waits out the deadline on its own.
        var draft = FaultKit.Within(Bound, () => Client.DraftReplyAsync(DraftRequest()).ResponseAsync);
        var streamed = FaultKit.Within(Bound, async () =>
        {
            using var call = Client.StreamDraftReply(DraftRequest());
            return await FaultKit.ReadDraftStreamAsync(call);
        });
        var triage = FaultKit.Within(Bound, () => Client.TriageTicketAsync(new TriageTicketRequest { Ticket = DraftRequest().Ticket }).ResponseAsync);

        AssertComposerFallback((await draft).Draft);
        AssertDraftingDegraded((await draft).Degradations, "deadline");
        var (text, final) = await streamed;
        AssertComposerFallback(final);
        Assert.Equal(final!.Text, text.TrimEnd('\n'));
        AssertComposerFallback((await triage).Draft);
        Assert.NotNull((await triage).Classification);

        await AssertTheModelDraftsAgainAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_stream_closed_mid_way_ends_with_the_composers_draft_flagged_degraded(bool abruptly)
    {
        const string Reply = "고객님, 기다리시게 해서 죄송합니다. 반품이 확인되어 환불을 진행해 드렸습니다. 영업일 기준 3~5일 내 반영됩니다.";
        _fixture.Llm.Chat.Reply = _ => Reply;
        _fixture.Llm.Chat.CutAfterChunks = 3;
        _fixture.Llm.Chat.CutAbruptly = abruptly;

        using var call = Client.StreamDraftReply(DraftRequest());
        var (streamed, final) = await FaultKit.Within(Bound, () => FaultKit.ReadDraftStreamAsync(call));

        // The model's first pieces went out as they came; the final replaces them with the composer's whole draft.
        Assert.Equal(Reply[..(3 * _fixture.Llm.Chat.ChunkSize)], streamed);
        AssertComposerFallback(final);

        await AssertTheModelDraftsAgainAsync();
    }

    private async Task AssertTheModelDraftsAgainAsync()
    {
        _fixture.Reset();
        var draft = await Client.DraftReplyAsync(DraftRequest());
        Assert.Equal("llm", draft.Draft.Drafter);
        Assert.DoesNotContain(DraftFlag.Degraded, draft.Draft.Flags);
        Assert.DoesNotContain(draft.Degradations, d => d.Component == Component.Drafting);
        _fixture.Server.AssertAlive();
    }

    private static void AssertComposerFallback(Draft? draft)
    {
        Assert.NotNull(draft);
        Assert.Equal("composer", draft!.Drafter);
        Assert.Contains(DraftFlag.Degraded, draft.Flags);
        Assert.StartsWith("안녕하세요, 고객님.", draft.Text, StringComparison.Ordinal);
        Assert.NotEmpty(draft.DraftId);
    }

    /// <summary>The response says which part is degraded and why, not just the draft's flag.</summary>
    private static void AssertDraftingDegraded(IEnumerable<Degradation> degradations, string reason) =>
        Assert.Contains(degradations, d => d.Component == Component.Drafting && d.Reason.Contains(reason, StringComparison.Ordinal));
}
