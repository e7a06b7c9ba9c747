using Triage.Core.Classification;
using Triage.Core.Intake;
using Triage.Core.Retrieval;

namespace Triage.Core.Drafting;

/// <summary>A resolved case offered to the drafter, with how well it matched the ticket.</summary>
public sealed record GroundingCase(CaseRecord Case, float Score);

/// <summary>
/// Everything a drafter may use: the prepared ticket (normalized and redacted), its labels (from the
/// classifier or the caller), the first-response target, and the retrieved cases.
/// </summary>
public sealed record DraftRequest(
    PreparedTicket Ticket,
    string? Category,
    string? Intent,
    string? Urgency,
    TimeSpan? FirstResponseTarget,
    IReadOnlyList<GroundingCase> Cases)
{
    public static DraftRequest From(PreparedTicket ticket, TicketClassification? classification, TimeSpan? target, IReadOnlyList<GroundingCase> cases) =>
        new(ticket, classification?.Category.Label, classification?.Intent.Label, classification?.Urgency.Label, target, cases);
}
