namespace Triage.Retrieval.Embedding.Remote;

/// <summary>An OpenAI-compatible embedding endpoint (configuration section <c>Triage:Embedding:Remote</c>).</summary>
public sealed class RemoteEmbeddingOptions
{
    public const string Section = "Triage:Embedding:Remote";

    /// <summary>The API's base URL, the part before <c>/embeddings</c>: https://api.openai.com/v1,
    /// http://localhost:11434/v1 (Ollama), http://vllm:8000/v1, or for <see cref="RemoteEmbeddingKind.AzureDeployment"/>
    /// the resource root https://{resource}.openai.azure.com.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Null for local servers that take no key (Ollama, vLLM without --api-key). Prefer https:// whenever one is sent.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model name the server knows (Azure deployments: the deployment name). Part of the embedder id, so
    /// changing it makes the index refuse the new vectors instead of silently mixing two spaces.</summary>
    public string Model { get; set; } = "";

    /// <summary>Required: the vector size the case index is created with. Every vector returned is checked against it.</summary>
    public int Dimensions { get; set; }

    /// <summary>Send <see cref="Dimensions"/> as the request's <c>dimensions</c> parameter, which shortens the vectors of
    /// models that support it (text-embedding-3-*). Turn off for fixed-size models whose server rejects the parameter.</summary>
    public bool RequestDimensions { get; set; } = true;

    public RemoteEmbeddingKind Kind { get; set; } = RemoteEmbeddingKind.OpenAI;

    /// <summary>The <c>api-version</c> query parameter; used only by <see cref="RemoteEmbeddingKind.AzureDeployment"/>.</summary>
    public string AzureApiVersion { get; set; } = "2024-10-21";

    /// <summary>Per attempt, from sending the request to reading the whole response: a stalled server fails the attempt
    /// instead of holding a ticket.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt when it failed transiently (timeout, connection error, 408, 429, 5xx).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Backoff before the first retry, doubled per retry with jitter, up to <see cref="RetryMaxDelay"/>; a server's
    /// Retry-After is honoured up to the same cap.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Inputs per request: larger calls are split, so a bulk ingest stays under the servers' per-request limits
    /// (OpenAI takes at most 2,048 inputs).</summary>
    public int MaxBatchSize { get; set; } = 128;

    /// <summary>A copy, so a generator keeps the settings it was built with.</summary>
    internal RemoteEmbeddingOptions Snapshot() => (RemoteEmbeddingOptions)MemberwiseClone();
}
