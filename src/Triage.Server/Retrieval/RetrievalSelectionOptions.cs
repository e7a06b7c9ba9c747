namespace Triage.Server.Retrieval;

public enum IndexProvider
{
    Embedded,
    Qdrant,
}

public enum EmbeddingProvider
{
    Local,
    Remote,
}

/// <summary>Which case index and which embedder serve: <c>Triage:Index:Provider</c> and <c>Triage:Embedding:Provider</c>.</summary>
public sealed class RetrievalSelectionOptions
{
    public const string Section = "Triage";

    public IndexSelection Index { get; init; } = new();

    public EmbeddingSelection Embedding { get; init; } = new();

    public IndexProvider IndexProvider => Index.Provider;

    public EmbeddingProvider EmbeddingProvider => Embedding.Provider;

    public sealed class IndexSelection
    {
        public IndexProvider Provider { get; init; } = IndexProvider.Embedded;
    }

    public sealed class EmbeddingSelection
    {
        public EmbeddingProvider Provider { get; init; } = EmbeddingProvider.Local;
    }
}
