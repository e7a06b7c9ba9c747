using Triage.Core.Classification;
using Triage.Core.Drafting;
using Triage.Core.Intake;
using Triage.Core.Privacy;
using Triage.Core.Text;

namespace Triage.Core.Feedback;

/// <summary>Builds the logged decision from the pipeline's own outputs, so every caller redacts the same way.</summary>
public static class DecisionRecords
{
    public static DecisionRecord From(
        string tenantId,
        PreparedTicket prepared,
        TicketClassification? classification,
        IReadOnlyList<string> retrievedCaseIds,
        DateTimeOffset receivedAt,
        TimeSpan? firstResponseTarget,
        string? draftId = null,
        DraftResult? draft = null)
    {
        var ticket = prepared.Ticket;

        // Subject and body separately (PreparedTicket holds them joined), because the corpus format keeps them apart.
        return new DecisionRecord(
            tenantId,
            ticket.TicketId,
            receivedAt,
            Clean(ticket.Subject),
            Clean(ticket.Body),
            prepared.Language,
            ticket.Channel,
            classification?.ModelVersion ?? string.Empty,
            Label(classification?.Category),
            Label(classification?.Intent),
            Label(classification?.Urgency),
            retrievedCaseIds,
            draft is null ? null : draftId,
            draft?.Drafter,
            draft is null ? null : PiiRedactor.Instance.Redact(draft.Text).Text,
            firstResponseTarget);
    }

    private static string Clean(string? raw) => PiiRedactor.Instance.Redact(TextNormalizer.Instance.Normalize(raw).Text).Text;

    /// <summary>Without a model (the call degraded) nothing was predicted: an empty label that counts as abstained.</summary>
    private static PredictedLabel Label(HeadPrediction? head) =>
        head is null ? new PredictedLabel(string.Empty, 0, true) : new(head.Label, head.Confidence, head.Abstained);
}
