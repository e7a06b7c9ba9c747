namespace Triage.Drafting.Llm;

/// <summary>An OpenAI-compatible chat endpoint that writes the drafts (configuration section <c>Triage:Drafting:Llm</c>).</summary>
public sealed class LlmDrafterOptions
{
    public const string Section = "Triage:Drafting:Llm";

    /// <summary>The API's base URL, the part before <c>/chat/completions</c>: https://api.openai.com/v1,
    /// http://localhost:11434/v1 (Ollama), http://vllm:8000/v1; for <see cref="LlmEndpointKind.Azure"/> the resource root
    /// https://{resource}.openai.azure.com.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Null for local servers that take no key (Ollama, vLLM without --api-key).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The chat model the server knows (Azure: the deployment name); reported as the draft's model name.</summary>
    public string Model { get; set; } = "";

    public LlmEndpointKind Kind { get; set; } = LlmEndpointKind.OpenAI;

    /// <summary>The <c>api-version</c> query parameter; used only by <see cref="LlmEndpointKind.Azure"/>.</summary>
    public string AzureApiVersion { get; set; } = "2024-10-21";

    /// <summary>The whole draft, retries included: past it the representative gets the composer's draft instead. A
    /// streamed draft has the same budget, so a stream that stalls half-way is cut off too.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Retries after a transient failure (connection error, 408, 429, 5xx), all within <see cref="Deadline"/>.</summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>Backoff before the first retry, doubled per retry; short, because a representative is waiting.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The reply's token limit (the request's max_tokens).</summary>
    public int MaxTokens { get; set; } = 800;

    /// <summary>Low by default: a support reply should be the cited resolution said well, not a creative one.</summary>
    public double Temperature { get; set; } = 0.2;

    /// <summary>Cases scoring below this are not shown to the model; with none left the draft needs the representative's knowledge.</summary>
    public float MinCaseScore { get; set; } = Composer.RetrievalComposer.MinCaseScore;

    /// <summary>At most this many cases go into the prompt (the best ones), which keeps the prompt and the citations short.</summary>
    public int MaxCases { get; set; } = 3;

    internal LlmDrafterOptions Snapshot() => (LlmDrafterOptions)MemberwiseClone();
}
