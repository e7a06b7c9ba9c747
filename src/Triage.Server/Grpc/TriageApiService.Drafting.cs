using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Triage.Api.V1;
using Triage.Core.Classification;
using Triage.Core.Drafting;
using Triage.Core.Intake;
using Triage.Retrieval.Search;
using Triage.Server.Security;
using FoundCase = Triage.Retrieval.Search.SimilarCase;

namespace Triage.Server.Grpc;

/// <summary>Draft replies: one-shot, streamed, and inside TriageTicket. Nothing here sends anything to a customer.</summary>
public sealed partial class TriageApiService
{
    [RequireRole(TriageRole.Intake | TriageRole.Agent)]
    public override async Task<DraftReplyResponse> DraftReply(DraftReplyRequest request, ServerCallContext context)
    {
        validator.Validate(request);
        var (draftRequest, response, classification) = await PrepareDraftAsync(request, context);
        DraftResult result;
        try
        {
            result = await drafter.DraftAsync(draftRequest, context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not RpcException)
        {
            // The caller asked for the draft only: without one there is nothing to degrade to.
            throw new RpcException(new Status(StatusCode.Unavailable, $"drafting failed: {ex.Message}"));
        }

        response.Draft = ToProto(result, NewDraftId());
        if (FallbackDegradation(result) is { } fellBack)
        {
            response.Degradations.Add(fellBack);
        }

        var recorded = await decisions.RecordAsync(CallerIdentity.Of(context).Tenant, draftRequest.Ticket, classification,
            draftRequest.Cases.Select(c => c.Case.CaseId), response.Draft.DraftId, result, draftRequest.FirstResponseTarget, context.CancellationToken);
        if (recorded is not null)
        {
            response.Degradations.Add(recorded);
        }

        return response;
    }

    [RequireRole(TriageRole.Intake | TriageRole.Agent)]
    public override async Task StreamDraftReply(DraftReplyRequest request, IServerStreamWriter<DraftChunk> responseStream, ServerCallContext context)
    {
        validator.Validate(request);
        var (draftRequest, _, classification) = await PrepareDraftAsync(request, context);
        await foreach (var item in drafter.StreamAsync(draftRequest, context.CancellationToken))
        {
            if (item.Final is { } final)
            {
                var draft = ToProto(final, NewDraftId());
                // Recorded before the final message goes out, so the draft id the client sees can be reviewed.
                await decisions.RecordAsync(CallerIdentity.Of(context).Tenant, draftRequest.Ticket, classification,
                    draftRequest.Cases.Select(c => c.Case.CaseId), draft.DraftId, final, draftRequest.FirstResponseTarget, context.CancellationToken);
                await responseStream.WriteAsync(new DraftChunk { Draft = draft }, context.CancellationToken);
            }
            else
            {
                await responseStream.WriteAsync(new DraftChunk { TextDelta = item.TextDelta ?? string.Empty }, context.CancellationToken);
            }
        }
    }

    /// <summary>The draft inside TriageTicket: a failing drafter degrades the answer rather than failing it.</summary>
    private async Task<(DraftResult? Draft, Degradation? Degradation)> DraftAsync(PreparedTicket prepared, TicketClassification? classification, IReadOnlyList<FoundCase> cases, CancellationToken ct)
    {
        var target = classification is null ? null : sla.Value.For(classification.Urgency.Label);
        try
        {
            var draft = await drafter.DraftAsync(DraftRequest.From(prepared, classification, target, Grounding(cases)), ct);
            return (draft, FallbackDegradation(draft));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, new Degradation { Component = Component.Drafting, Reason = $"drafting failed: {ex.Message}" });
        }
    }

    private async Task<(DraftRequest Request, DraftReplyResponse Response, TicketClassification? Classification)> PrepareDraftAsync(DraftReplyRequest request, ServerCallContext context)
    {
        var prepared = TicketPreparer.Prepare(request.Ticket.ToDomain());
        var response = new DraftReplyResponse();
        string? category = request.Category.NullIfEmpty(), intent = request.Intent.NullIfEmpty(), urgency = request.Urgency.NullIfEmpty();
        TicketClassification? classification = null;
        if ((category is null || intent is null || urgency is null) && models.Current is { } model)
        {
            // Labels the caller did not give come from the serving model.
            classification = Classify(model, prepared);
            response.ModelVersion = classification.ModelVersion;
            category ??= classification.Category.Abstained ? null : classification.Category.Label;
            intent ??= classification.Intent.Abstained ? null : classification.Intent.Label;
            urgency ??= classification.Urgency.Label;
        }
        else if (category is null || intent is null || urgency is null)
        {
            response.Degradations.Add(new Degradation { Component = Component.Classifier, Reason = NoModel() });
        }

        var (cases, degradation) = await SearchCasesAsync(CallerIdentity.Of(context).Tenant, prepared, 3, 0f, Core.Retrieval.CaseFilter.None,
            RankingHints.Certain(category, intent), context.CancellationToken);
        if (degradation is not null)
        {
            response.Degradations.Add(degradation);
        }

        var target = urgency is null ? null : sla.Value.For(urgency);
        return (new DraftRequest(prepared, category, intent, urgency, target, Grounding(cases)), response, classification);
    }

    /// <summary>A draft written by the fallback is listed among the degradations too: the reason travels there,
    /// since the draft itself carries only the flag.</summary>
    private static Degradation? FallbackDegradation(DraftResult draft) => draft.Flags.HasFlag(DraftFlags.Degraded)
        ? new Degradation { Component = Component.Drafting, Reason = $"the configured drafter failed; the composer's draft is given instead: {draft.DegradedReason ?? "no reason given"}" }
        : null;

    private static List<GroundingCase> Grounding(IReadOnlyList<FoundCase> cases) => cases.Select(c => new GroundingCase(c.Case, c.Score)).ToList();

    private static string NewDraftId() => "d-" + Guid.NewGuid().ToString("N");

    private static Draft ToProto(DraftResult result, string draftId)
    {
        var draft = new Draft
        {
            DraftId = draftId,
            Text = result.Text,
            Language = result.Language,
            Drafter = result.Drafter,
            ModelName = result.ModelName,
            Elapsed = Duration.FromTimeSpan(result.Elapsed),
        };
        draft.CitedCaseIds.AddRange(result.CitedCaseIds);
        if (result.Flags.HasFlag(DraftFlags.Degraded))
        {
            draft.Flags.Add(DraftFlag.Degraded);
        }

        if (result.Flags.HasFlag(DraftFlags.UnsupportedClaims))
        {
            draft.Flags.Add(DraftFlag.UnsupportedClaims);
        }

        if (result.Flags.HasFlag(DraftFlags.NeedsKnowledge))
        {
            draft.Flags.Add(DraftFlag.NeedsKnowledge);
        }

        return draft;
    }
}
