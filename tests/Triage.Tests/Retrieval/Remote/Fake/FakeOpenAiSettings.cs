namespace Triage.Tests.Retrieval.Remote.Fake;

/// <summary>How the fake behaves when nothing goes wrong on purpose; fixed when the server starts.</summary>
public sealed record FakeOpenAiSettings
{
    /// <summary>When set, /v1 routes require <c>Authorization: Bearer {key}</c> and Azure routes <c>api-key: {key}</c>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The size a model gives when the request has no <c>dimensions</c> (or when they are ignored).</summary>
    public int NativeDimensions { get; init; } = 32;

    /// <summary>Whether a <c>dimensions</c> parameter is honoured (text-embedding-3-*) or silently ignored (many local servers).</summary>
    public bool HonorDimensions { get; init; } = true;

    /// <summary>Answer a request carrying <c>dimensions</c> with 400, as vLLM does for models that cannot shorten vectors.</summary>
    public bool RejectDimensions { get; init; }

    /// <summary>Always answer with float arrays, even when base64 was asked for, as some compatible servers do.</summary>
    public bool IgnoreEncodingFormat { get; init; }

    /// <summary>List the results in reverse order (each still carrying its right <c>index</c>), which the API permits.</summary>
    public bool ReverseOrder { get; init; }

    /// <summary>Answer with one vector fewer than asked, as a broken proxy might.</summary>
    public bool DropLastVector { get; init; }
}
