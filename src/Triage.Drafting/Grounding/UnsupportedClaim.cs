namespace Triage.Drafting.Grounding;

public enum ClaimKind
{
    Amount,
    Date,
    Url,
    Phone,
    RefundPromise,
    CompensationPromise,
}

/// <summary>A statement of the draft that neither the ticket nor a cited case supports, and what was done about it.</summary>
public sealed record UnsupportedClaim(ClaimKind Kind, string Value, string Sentence, bool SentenceRemoved);
