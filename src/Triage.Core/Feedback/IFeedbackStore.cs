namespace Triage.Core.Feedback;

/// <summary>
/// The feedback loop's durable store: the decision log, representatives' reviews, the labeled export and
/// the quality figures. Every call is scoped to one tenant; nothing of another tenant is ever returned.
/// A call that returns has been made durable.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Logs a decision. Recording the same (tenant, draft id) again keeps the first one.</summary>
    Task RecordDecisionAsync(DecisionRecord decision, CancellationToken ct = default);

    /// <summary>The decision that produced the draft, or null when the tenant has no such draft.</summary>
    Task<DecisionRecord?> GetDecisionByDraftAsync(string tenantId, string draftId, CancellationToken ct = default);

    /// <summary>
    /// Records a review. Idempotent by (tenant, review id): a repeat returns the first outcome. One review
    /// per draft: the first committed wins and later ones get <see cref="ReviewOutcomeKind.AlreadyReviewed"/>.
    /// Throws <see cref="ArgumentException"/> for an invalid submission (<see cref="ReviewSubmission.Problem"/>).
    /// </summary>
    Task<ReviewOutcome> SubmitReviewAsync(ReviewSubmission review, CancellationToken ct = default);

    /// <summary>Reviewed tickets with final labels, oldest review first, one per ticket (its latest review in
    /// the window), streamed from the store.</summary>
    IAsyncEnumerable<LabeledExport> ExportAsync(ExportFilter filter, CancellationToken ct = default);

    /// <summary>(ticket, draft, final reply) of accepted and edited reviews, oldest first; the filter's label source is ignored.</summary>
    IAsyncEnumerable<DraftingTriple> ExportTriplesAsync(ExportFilter filter, CancellationToken ct = default);

    Task<FeedbackStats> GetStatsAsync(string tenantId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default);
}
