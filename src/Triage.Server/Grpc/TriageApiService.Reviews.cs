using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Triage.Api.V1;
using Triage.Core.Feedback;
using Triage.Core.Retrieval;
using Triage.Retrieval.Embedding.Remote;
using Triage.Server.Security;
using ReviewDecision = Triage.Core.Feedback.ReviewDecision;

namespace Triage.Server.Grpc;

/// <summary>Representatives' reviews, and the labeled export that feeds retraining.</summary>
public sealed partial class TriageApiService
{
    [RequireRole(TriageRole.Agent)]
    public override async Task<SubmitReviewResponse> SubmitReview(SubmitReviewRequest request, ServerCallContext context)
    {
        validator.Validate(request);
        var tenant = CallerIdentity.Of(context).Tenant;
        var outcome = await feedback.SubmitReviewAsync(new ReviewSubmission(
            request.ReviewId,
            tenant,
            request.DraftId,
            request.Decision switch
            {
                Api.V1.ReviewDecision.Accepted => ReviewDecision.Accepted,
                Api.V1.ReviewDecision.Edited => ReviewDecision.Edited,
                _ => ReviewDecision.Rejected,
            },
            request.RepresentativeId,
            clock.GetUtcNow(),
            request.FinalText.NullIfEmpty(),
            request.RejectionReason.NullIfEmpty(),
            request.CorrectedCategory.NullIfEmpty(),
            request.CorrectedIntent.NullIfEmpty(),
            request.CorrectedUrgency.NullIfEmpty()), context.CancellationToken);

        switch (outcome.Kind)
        {
            case ReviewOutcomeKind.UnknownDraft or ReviewOutcomeKind.OtherTenantsDraft:
                // One answer for both: another tenant's draft ids are not even confirmed to exist.
                throw new RpcException(new Status(StatusCode.NotFound, $"No draft '{request.DraftId}' for this tenant."));
            case ReviewOutcomeKind.AlreadyReviewed:
                throw new RpcException(new Status(StatusCode.AlreadyExists,
                    $"Draft '{request.DraftId}' was already reviewed (review '{outcome.Review?.ReviewId}'); one review per draft."));
        }

        var review = outcome.Review!;
        var response = new SubmitReviewResponse
        {
            ReviewId = review.ReviewId,
            Duplicate = outcome.Kind == ReviewOutcomeKind.Duplicate,
            EditDistance = review.EditDistance,
        };
        if (review.Decision != ReviewDecision.Rejected)
        {
            // A replayed review indexes its reply again (idempotent by case id) rather than trusting the first attempt:
            // that one may have stored the review and then failed (disk full) or died before the reply reached the index.
            await IndexReviewedReplyAsync(tenant, review, response, context.CancellationToken);
        }

        return response;
    }

    [RequireRole(TriageRole.Admin)]
    public override async Task ExportLabeledTickets(ExportLabeledTicketsRequest request, IServerStreamWriter<LabeledTicket> responseStream, ServerCallContext context)
    {
        validator.Validate(request);
        var filter = new ExportFilter(
            CallerIdentity.Of(context).Tenant,
            request.From?.ToDateTimeOffset(),
            request.To?.ToDateTimeOffset(),
            request.Language.NullIfEmpty(),
            request.LabelSource switch
            {
                Api.V1.LabelSource.Corrected => Core.Feedback.LabelSource.Corrected,
                Api.V1.LabelSource.AcceptedPrediction => Core.Feedback.LabelSource.AcceptedPrediction,
                _ => null,
            });
        await foreach (var item in feedback.ExportAsync(filter, context.CancellationToken))
        {
            await responseStream.WriteAsync(new LabeledTicket
            {
                Ticket = new Api.V1.Ticket
                {
                    TicketId = item.TicketId,
                    Subject = item.Subject,
                    Body = item.Body,
                    Channel = item.Channel.ToProto(),
                    Language = item.Language,
                },
                Language = item.Language,
                Category = item.Category,
                Intent = item.Intent,
                Urgency = item.Urgency,
                LabelSource = item.Source == Core.Feedback.LabelSource.Corrected ? Api.V1.LabelSource.Corrected : Api.V1.LabelSource.AcceptedPrediction,
                DraftText = item.DraftText ?? string.Empty,
                FinalReply = item.FinalReply ?? string.Empty,
                ReviewedAt = Timestamp.FromDateTimeOffset(item.ReviewedAt),
                ModelVersion = item.ModelVersion,
            }, context.CancellationToken);
        }
    }

    /// <summary>
    /// An accepted or edited reply is a resolved case from now on: the decision's (redacted) ticket with
    /// the final reply, under the representative's labels where they corrected them.
    /// </summary>
    private async Task IndexReviewedReplyAsync(string tenant, ReviewRecord review, SubmitReviewResponse response, CancellationToken ct)
    {
        var decision = await feedback.GetDecisionByDraftAsync(tenant, review.DraftId, ct);
        if (decision is null || retrieval.Ingestion is not { } ingestion || review.FinalText is null)
        {
            response.Degradations.Add(new Degradation { Component = Component.Retrieval, Reason = "the reviewed reply could not be added to the case index (index not ready)" });
            return;
        }

        var caseId = ReviewCaseId(review.DraftId);
        var resolved = new CaseRecord(tenant, caseId, decision.Language, decision.Channel, decision.Subject, decision.Body, review.FinalText,
            review.CorrectedCategory ?? decision.Category.Label, review.CorrectedIntent ?? decision.Intent.Label,
            review.CorrectedUrgency ?? decision.Urgency.Label, "answered", review.ReviewedAt);
        try
        {
            await ingestion.IngestAsync([resolved], ct);
            response.IndexedCaseId = caseId;
        }
        catch (Exception ex) when (ex is CaseIndexException or RemoteEmbeddingException)
        {
            response.Degradations.Add(new Degradation { Component = Component.Retrieval, Reason = $"the reviewed reply was stored but not indexed: {ex.Message}" });
        }
    }

    private static string ReviewCaseId(string draftId) => "review-" + draftId;
}
