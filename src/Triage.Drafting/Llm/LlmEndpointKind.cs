namespace Triage.Drafting.Llm;

/// <summary>How the chat endpoint is addressed and authenticated.</summary>
public enum LlmEndpointKind
{
    /// <summary>OpenAI and every server that copies its API (Ollama, vLLM, LM Studio): <c>{Endpoint}/chat/completions</c>, bearer key.</summary>
    OpenAI,

    /// <summary>Azure OpenAI: <c>{Endpoint}/openai/deployments/{Model}/chat/completions?api-version=…</c>, <c>api-key</c> header.</summary>
    Azure,
}
