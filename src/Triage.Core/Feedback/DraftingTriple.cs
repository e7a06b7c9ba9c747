using Triage.Core.Tickets;

namespace Triage.Core.Feedback;

/// <summary>A (ticket, draft, final reply) triple from an accepted or edited review, for drafting evaluation.</summary>
public sealed record DraftingTriple(
    string TicketId,
    string Language,
    Channel Channel,
    string Subject,
    string Body,
    string Drafter,
    string DraftText,
    string FinalReply,
    ReviewDecision Decision,
    int EditDistance,
    DateTimeOffset ReviewedAt);
