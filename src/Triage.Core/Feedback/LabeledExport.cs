using Triage.Core.Tickets;

namespace Triage.Core.Feedback;

/// <summary>
/// A reviewed ticket with its final labels (see <see cref="LabelSource"/>), plus the draft and the reply
/// finally sent (null when rejected) for drafting evaluation. Texts are redacted.
/// </summary>
public sealed record LabeledExport(
    string TicketId,
    string Language,
    Channel Channel,
    string Subject,
    string Body,
    string Category,
    string Intent,
    string Urgency,
    LabelSource Source,
    string? DraftText,
    string? FinalReply,
    DateTimeOffset ReviewedAt,
    string ModelVersion);
