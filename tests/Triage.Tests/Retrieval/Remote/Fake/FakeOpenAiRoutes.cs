namespace Triage.Tests.Retrieval.Remote.Fake;

/// <summary>
/// Route names, as the fault switches and the call log name them. Each route is one handler class mapped by
/// <see cref="FakeOpenAiServer"/> behind the same gate (key check, call log, injected latency and failures); the chat
/// drafter's <c>chat/completions</c> (with SSE streaming) is added as another handler and another name here.
/// </summary>
public static class FakeOpenAiRoutes
{
    public const string Embeddings = "embeddings";
}
