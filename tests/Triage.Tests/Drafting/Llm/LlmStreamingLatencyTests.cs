using System.Diagnostics;
using Triage.Tests.Retrieval.Remote.Fake;
using Xunit.Abstractions;

namespace Triage.Tests.Drafting.Llm;

/// <summary>Each streamed piece is forwarded as it arrives: measured from the fake's flush to the drafter's yield.</summary>
public sealed class LlmStreamingLatencyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(50);
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { ApiKey = LlmTestKit.Key });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_first_token_is_forwarded_within_50_ms_of_the_endpoints_first_token()
    {
        var drafter = LlmTestKit.Drafter(_server);
        var request = LlmTestKit.Request("환불 언제 되나요?", LlmTestKit.Case());
        // The first call pays for JIT and connection set-up, which is not what is measured.
        await LlmTestKit.CollectAsync(drafter.StreamAsync(request, CancellationToken.None));
        while (_server.Chat.Sent.TryDequeue(out _))
        {
        }

        // Gaps between chunks make each arrival distinct, so a delta cannot be credited to an earlier chunk.
        _server.Chat.FirstChunkDelay = TimeSpan.FromMilliseconds(150);
        _server.Chat.ChunkDelay = TimeSpan.FromMilliseconds(60);
        var yielded = new List<(string Text, long At)>();
        await foreach (var item in drafter.StreamAsync(request, CancellationToken.None))
        {
            if (item.TextDelta is { } delta)
            {
                yielded.Add((delta, Stopwatch.GetTimestamp()));
            }
        }

        var sent = _server.Chat.Sent.ToList();
        Assert.Equal(sent[0].Text, yielded[0].Text);
        var first = Stopwatch.GetElapsedTime(sent[0].FlushedAt, yielded[0].At);
        var all = sent.Zip(yielded, (s, y) => Stopwatch.GetElapsedTime(s.FlushedAt, y.At).TotalMilliseconds).ToList();
        output.WriteLine($"first token forwarded {first.TotalMilliseconds:0.0} ms after the endpoint sent it; per chunk max {all.Max():0.0} ms, mean {all.Average():0.0} ms over {all.Count}");
        Assert.True(first < Budget, $"first token took {first.TotalMilliseconds:0.0} ms");
    }
}
