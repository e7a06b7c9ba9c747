namespace Triage.Core.Feedback;

/// <summary>
/// A representative's review as submitted. <see cref="FinalText"/> is required when edited, and
/// <see cref="RejectionReason"/> when rejected; corrected labels are optional and independent of the
/// decision (a rejected draft may still correct the category).
/// </summary>
public sealed record ReviewSubmission(
    string ReviewId,
    string TenantId,
    string DraftId,
    ReviewDecision Decision,
    string RepresentativeId,
    DateTimeOffset ReviewedAt,
    string? FinalText = null,
    string? RejectionReason = null,
    string? CorrectedCategory = null,
    string? CorrectedIntent = null,
    string? CorrectedUrgency = null)
{
    public bool HasCorrection => CorrectedCategory is not null || CorrectedIntent is not null || CorrectedUrgency is not null;

    /// <summary>The first thing wrong with the submission, or null; the store refuses an invalid one.</summary>
    public string? Problem() => this switch
    {
        { ReviewId: null or "" } => "review id is required",
        { TenantId: null or "" } => "tenant is required",
        { DraftId: null or "" } => "draft id is required",
        { RepresentativeId: null or "" } => "representative id is required",
        { Decision: ReviewDecision.Edited, FinalText: null or "" } => "an edited review needs the final text",
        { Decision: ReviewDecision.Rejected, RejectionReason: null or "" } => "a rejected review needs a reason",
        _ when !Enum.IsDefined(Decision) => $"unknown decision {Decision}",
        _ => null,
    };
}
