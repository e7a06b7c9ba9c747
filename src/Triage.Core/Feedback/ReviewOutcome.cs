namespace Triage.Core.Feedback;

public enum ReviewOutcomeKind
{
    /// <summary>Recorded now.</summary>
    Stored,

    /// <summary>This review id was already recorded: <see cref="ReviewOutcome.Review"/> is the first one, unchanged.</summary>
    Duplicate,

    /// <summary>No decision with this draft id exists. Nothing is recorded.</summary>
    UnknownDraft,

    /// <summary>The draft exists, but under another tenant. Nothing is recorded. Servers should answer it
    /// exactly as <see cref="UnknownDraft"/>, so a tenant cannot probe for others' drafts.</summary>
    OtherTenantsDraft,

    /// <summary>Another review of the same draft was recorded first; that one stands (first committed wins)
    /// and <see cref="ReviewOutcome.Review"/> is it. Nothing is recorded.</summary>
    AlreadyReviewed,
}

/// <summary>
/// The result of a submission. <see cref="Review"/> is set for Stored (the new review), Duplicate (the
/// first review with this id) and AlreadyReviewed (the review that holds the draft). Refusals are not
/// recorded, so retrying a refused review id is evaluated afresh.
/// </summary>
public sealed record ReviewOutcome(ReviewOutcomeKind Kind, ReviewRecord? Review)
{
    public bool Accepted => Kind is ReviewOutcomeKind.Stored or ReviewOutcomeKind.Duplicate;

    public int EditDistance => Review?.EditDistance ?? 0;
}
