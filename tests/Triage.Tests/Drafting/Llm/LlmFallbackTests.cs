using System.Diagnostics;
using Triage.Core.Drafting;
using Triage.Drafting.Composer;
using Triage.Tests.Retrieval.Remote.Fake;
using Xunit.Abstractions;

namespace Triage.Tests.Drafting.Llm;

/// <summary>A failing, slow or broken endpoint still gives the representative a draft: the composer's, flagged degraded.</summary>
public sealed class LlmFallbackTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { ApiKey = LlmTestKit.Key });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_500_after_the_retry_falls_back_to_the_composer()
    {
        _server.Faults.Fail(FakeOpenAiRoutes.ChatCompletions, 500);
        var drafter = LlmTestKit.Drafter(_server);

        var draft = await drafter.DraftAsync(LlmTestKit.Request("환불 언제 되나요?", LlmTestKit.Case()), CancellationToken.None);

        AssertComposerFallback(draft, "HTTP 500");
        output.WriteLine($"HTTP 500 twice: composer draft after {draft.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(2, _server.Faults.CallsTo(FakeOpenAiRoutes.ChatCompletions));
    }

    [Fact]
    public async Task A_single_500_is_retried_and_the_draft_is_the_models()
    {
        _server.Faults.Fail(FakeOpenAiRoutes.ChatCompletions, 500, times: 1);
        var drafter = LlmTestKit.Drafter(_server);

        var draft = await drafter.DraftAsync(LlmTestKit.Request("환불 언제 되나요?", LlmTestKit.Case()), CancellationToken.None);

        Assert.Equal("llm", draft.Drafter);
        Assert.False(draft.Flags.HasFlag(DraftFlags.Degraded));
    }

    [Fact]
    public async Task A_hanging_endpoint_falls_back_within_the_deadline()
    {
        _server.Faults.Delay(FakeOpenAiRoutes.ChatCompletions, TimeSpan.FromSeconds(30));
        var deadline = TimeSpan.FromMilliseconds(800);
        var drafter = LlmTestKit.Drafter(_server, o => o.Deadline = deadline);
        await drafter.DraftAsync(LlmTestKit.Request("워밍업", LlmTestKit.Case()), CancellationToken.None);

        var watch = Stopwatch.StartNew();
        var draft = await drafter.DraftAsync(LlmTestKit.Request("환불 언제 되나요?", LlmTestKit.Case()), CancellationToken.None);
        watch.Stop();

        output.WriteLine($"hanging endpoint: composer draft after {watch.Elapsed.TotalMilliseconds:0} ms (deadline {deadline.TotalMilliseconds:0} ms)");
        AssertComposerFallback(draft, "deadline");
        // Not before the deadline, and long before the 30 s hang (the margin absorbs a loaded CI machine).
        Assert.InRange(watch.Elapsed, deadline - TimeSpan.FromMilliseconds(50), deadline + TimeSpan.FromMilliseconds(2000));
    }

    [Fact]
    public async Task A_stream_that_never_starts_streams_the_composers_draft_within_the_deadline()
    {
        _server.Faults.Delay(FakeOpenAiRoutes.ChatCompletions, TimeSpan.FromSeconds(30));
        var deadline = TimeSpan.FromMilliseconds(800);
        var drafter = LlmTestKit.Drafter(_server, o => o.Deadline = deadline);

        var watch = Stopwatch.StartNew();
        var (deltas, final) = await LlmTestKit.CollectAsync(drafter.StreamAsync(LlmTestKit.Request("환불 언제 되나요?", LlmTestKit.Case()), CancellationToken.None));
        watch.Stop();

        output.WriteLine($"hanging stream: composer draft streamed in {watch.Elapsed.TotalMilliseconds:0} ms (deadline {deadline.TotalMilliseconds:0} ms)");
        AssertComposerFallback(final, "deadline");
        Assert.Equal(final.Text, string.Concat(deltas).TrimEnd('\n'));
        Assert.True(watch.Elapsed < deadline + TimeSpan.FromMilliseconds(1500), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_stream_cut_mid_way_ends_with_the_composers_draft_as_a_degraded_final()
    {
        const string Reply = "고객님, 기다리시게 해서 죄송합니다. 반품이 확인되어 환불을 진행해 드렸습니다. 영업일 기준 3~5일 내 반영됩니다.";
        _server.Chat.Reply = _ => Reply;
        _server.Chat.CutAfterChunks = 3;
        var drafter = LlmTestKit.Drafter(_server);

        var (deltas, final) = await LlmTestKit.CollectAsync(drafter.StreamAsync(LlmTestKit.Request("환불 언제 되나요?", LlmTestKit.Case()), CancellationToken.None));

        // The model's first pieces went out; the final replaces them with the composer's whole draft.
        var streamed = string.Concat(deltas);
        Assert.Equal(Reply[..(3 * _server.Chat.ChunkSize)], streamed);
        AssertComposerFallback(final, "stream closed");
    }

    [Fact]
    public async Task A_stream_that_just_stops_without_finishing_is_degraded_too()
    {
        _server.Chat.Reply = _ => "안녕하세요, 고객님. 반품이 확인되어 환불을 진행해 드렸습니다. 영업일 기준 3~5일 내 반영됩니다.";
        _server.Chat.CutAfterChunks = 2;
        _server.Chat.CutAbruptly = false;
        var drafter = LlmTestKit.Drafter(_server);

        var (_, final) = await LlmTestKit.CollectAsync(drafter.StreamAsync(LlmTestKit.Request("환불 언제 되나요?", LlmTestKit.Case()), CancellationToken.None));

        AssertComposerFallback(final, "closed before the reply was finished");
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_turned_into_a_fallback()
    {
        _server.Faults.Delay(FakeOpenAiRoutes.ChatCompletions, TimeSpan.FromSeconds(30));
        var drafter = LlmTestKit.Drafter(_server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drafter.DraftAsync(LlmTestKit.Request("환불 언제 되나요?", LlmTestKit.Case()), cts.Token));
    }

    private static void AssertComposerFallback(DraftResult draft, string reason)
    {
        Assert.Equal(RetrievalComposer.DrafterName, draft.Drafter);
        Assert.True(draft.Flags.HasFlag(DraftFlags.Degraded));
        Assert.True(draft.DegradedReason?.Contains(reason, StringComparison.Ordinal), draft.DegradedReason);
        Assert.Equal(["case-refund-1"], draft.CitedCaseIds);
        Assert.StartsWith("안녕하세요, 고객님.", draft.Text, StringComparison.Ordinal);
    }
}
