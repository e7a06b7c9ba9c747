using Triage.Core.Classification;
using Triage.Core.Drafting;
using Triage.Core.Feedback;
using Triage.Core.Intake;
using Triage.Api.V1;

namespace Triage.Server.Grpc;

/// <summary>
/// Writes what the service decided into the feedback store, so a review can be judged against it and
/// the ticket can become training data. A store failure never fails the call: the answer is complete,
/// and the response says it was not recorded.
/// </summary>
public sealed class DecisionLog(IFeedbackStore store, ILogger<DecisionLog> logger, TimeProvider clock)
{
    public async Task<Degradation?> RecordAsync(
        string tenant, PreparedTicket prepared, TicketClassification? classification, IEnumerable<string> caseIds,
        string? draftId, DraftResult? draft, TimeSpan? target, CancellationToken ct)
    {
        var t = prepared.Ticket;
        var decision = DecisionRecords.From(tenant, prepared, classification, caseIds.ToList(), t.CreatedAt ?? clock.GetUtcNow(), target, draftId, draft);
        try
        {
            await store.RecordDecisionAsync(decision, ct);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Decision for ticket {TicketId} of tenant {Tenant} was not recorded", t.TicketId, tenant);
            return new Degradation { Component = Component.Recording, Reason = $"the decision was not recorded ({ex.GetType().Name}); a review of this draft will be refused" };
        }
    }
}
