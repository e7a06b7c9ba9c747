using Triage.Api.V1;
using Triage.Tests.Processes;
using Triage.Tests.Retrieval.Remote.Fake;

namespace Triage.Tests.Faults;

/// <summary>One real server process drafting with the fake OpenAI-compatible chat endpoint, shared by a test class.</summary>
public sealed class LlmServerFixture : IAsyncLifetime
{
    /// <summary>Short, so a hang costs a test seconds, not minutes; long enough for a healthy fake on a loaded machine.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    public const string ModelReply = "안녕하세요, 고객님. 문의해 주셔서 감사합니다. 확인 후 다시 안내해 드리겠습니다.";

    private readonly string _data = Directory.CreateTempSubdirectory("triage-faults-llm-").FullName;

    public FakeOpenAiServer Llm { get; private set; } = null!;

    internal ServerProcess Server { get; private set; } = null!;

    internal TriageService.TriageServiceClient Client => Server.Client();

    public async Task InitializeAsync()
    {
        Llm = await FakeOpenAiServer.StartAsync();
        Server = await ServerProcess.StartAsync(_data, new Dictionary<string, string>
        {
            ["Triage:Model:ActivePath"] = FaultKit.ShippedModel,
            ["Triage:Drafting:Provider"] = "Llm",
            ["Triage:Drafting:Llm:Endpoint"] = Llm.BaseAddress.ToString(),
            ["Triage:Drafting:Llm:Model"] = "fake-chat",
            ["Triage:Drafting:Llm:Deadline"] = Deadline.ToString(),
            ["Triage:Drafting:Llm:MaxRetries"] = "1",
            ["Triage:Drafting:Llm:RetryBaseDelay"] = "00:00:00.050",
        });
        // A resolved case for the composer to fall back on.
        var refund = FaultKit.Case("llm-refund-1");
        refund.Body = "반품했는데 환불이 언제 되나요?";
        refund.Reply = "안녕하세요, 고객님. 반품이 확인되어 환불을 진행해 드렸습니다. 영업일 기준 3~5일 내 반영됩니다.";
        Assert.Equal(1, (await FaultKit.IngestAsync(Client, [refund])).Accepted);
    }

    /// <summary>Back to a well-behaved model between tests.</summary>
    public void Reset()
    {
        Llm.Faults.Fail(FakeOpenAiRoutes.ChatCompletions, 500, times: 0);
        Llm.Faults.Delay(FakeOpenAiRoutes.ChatCompletions, TimeSpan.Zero, times: 0);
        Llm.Chat.Reply = _ => ModelReply;
        Llm.Chat.CutAfterChunks = null;
        Llm.Chat.CutAbruptly = true;
        Llm.Chat.ChunkDelay = TimeSpan.Zero;
        Llm.Chat.FirstChunkDelay = TimeSpan.Zero;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Llm.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
