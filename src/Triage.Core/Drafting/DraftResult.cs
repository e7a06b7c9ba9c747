namespace Triage.Core.Drafting;

[Flags]
public enum DraftFlags
{
    None = 0,

    /// <summary>Written by the fallback drafter because the configured one failed or was too slow.</summary>
    Degraded = 1,

    /// <summary>Claims no source supports were removed or marked.</summary>
    UnsupportedClaims = 2,

    /// <summary>No relevant resolved case: the representative must supply the answer.</summary>
    NeedsKnowledge = 4,
}

/// <summary>A suggested reply: never sent by the service, only offered to a representative.</summary>
public sealed record DraftResult(
    string Text,
    string Language,
    string Drafter,
    string ModelName,
    IReadOnlyList<string> CitedCaseIds,
    DraftFlags Flags,
    TimeSpan Elapsed,
    string? DegradedReason = null);
