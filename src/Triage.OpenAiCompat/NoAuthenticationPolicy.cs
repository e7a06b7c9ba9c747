using System.ClientModel.Primitives;

namespace Triage.OpenAiCompat;

/// <summary>The OpenAI client insists on a credential; servers that take none (Ollama, vLLM without --api-key) get no
/// Authorization header at all rather than a placeholder key that looks real in their logs.</summary>
public sealed class NoAuthenticationPolicy : AuthenticationPolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        => ProcessNext(message, pipeline, currentIndex);

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        => ProcessNextAsync(message, pipeline, currentIndex);
}
