using Triage.Core.Tickets;

namespace Triage.Core.Feedback;

/// <summary>
/// What the service decided for one ticket, logged so a later review can be judged against it and the
/// ticket can become training data. Subject and body are normalized and redacted: the log is kept for
/// months and exported, so it never holds the customer's personal data. Draft fields are null when the
/// call only classified.
/// </summary>
public sealed record DecisionRecord(
    string TenantId,
    string TicketId,
    DateTimeOffset ReceivedAt,
    string Subject,
    string Body,
    string Language,
    Channel Channel,
    string ModelVersion,
    PredictedLabel Category,
    PredictedLabel Intent,
    PredictedLabel Urgency,
    IReadOnlyList<string> RetrievedCaseIds,
    string? DraftId,
    string? Drafter,
    string? DraftText,
    TimeSpan? FirstResponseTarget)
{
    public bool AnyAbstained => Category.Abstained || Intent.Abstained || Urgency.Abstained;
}
