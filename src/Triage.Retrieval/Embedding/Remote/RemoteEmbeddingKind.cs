namespace Triage.Retrieval.Embedding.Remote;

/// <summary>How requests are addressed and authenticated.</summary>
public enum RemoteEmbeddingKind
{
    /// <summary><c>{Endpoint}/embeddings</c> with <c>Authorization: Bearer {ApiKey}</c>: OpenAI, Ollama, vLLM, LiteLLM,
    /// and Azure OpenAI's v1 API (<c>https://{resource}.openai.azure.com/openai/v1</c>).</summary>
    OpenAI = 0,

    /// <summary>Azure OpenAI's classic deployment URL: <c>{Endpoint}/openai/deployments/{Model}/embeddings?api-version=…</c>
    /// with the key in the <c>api-key</c> header. <c>Model</c> is then the deployment name, not the model name.</summary>
    AzureDeployment = 1,
}
