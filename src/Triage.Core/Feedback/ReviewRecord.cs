namespace Triage.Core.Feedback;

/// <summary>
/// A review as stored. <see cref="FinalText"/> is the reply actually sent (the draft itself when
/// accepted, null when rejected), redacted; <see cref="EditDistance"/> is the Levenshtein distance
/// between the stored draft and that final text (0 when accepted or rejected).
/// </summary>
public sealed record ReviewRecord(
    string ReviewId,
    string TenantId,
    string DraftId,
    ReviewDecision Decision,
    string? FinalText,
    string? RejectionReason,
    string? CorrectedCategory,
    string? CorrectedIntent,
    string? CorrectedUrgency,
    string RepresentativeId,
    DateTimeOffset ReviewedAt,
    int EditDistance);
