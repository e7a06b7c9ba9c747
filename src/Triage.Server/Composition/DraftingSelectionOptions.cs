namespace Triage.Server.Composition;

public enum DraftingProvider
{
    /// <summary>The offline retrieval composer (no LLM).</summary>
    Composer,

    /// <summary>An OpenAI-compatible chat endpoint (section Triage:Drafting:Llm), with the composer as fallback.</summary>
    Llm,
}

/// <summary><c>Triage:Drafting:Provider</c>.</summary>
public sealed class DraftingSelectionOptions
{
    public const string Section = "Triage:Drafting";

    public DraftingProvider Provider { get; init; } = DraftingProvider.Composer;
}
