namespace Triage.Tests.Retrieval.Remote.Fake;

/// <summary>
/// Route names, as the fault switches and the call log name them. Each route is one handler class mapped by
/// <see cref="FakeOpenAiServer"/> behind the same gate (key check, call log, injected latency and failures).
/// </summary>
public static class FakeOpenAiRoutes
{
    public const string Embeddings = "embeddings";

    /// <summary>Chat completions, plain JSON or SSE streamed; what it answers is set on <see cref="FakeOpenAiServer.Chat"/>.</summary>
    public const string ChatCompletions = "chat/completions";
}
