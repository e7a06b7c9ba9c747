using Grpc.Core;
using Microsoft.Extensions.Options;
using Triage.Api.V1;
using Triage.Core.Classification;
using Triage.Core.Drafting;
using Triage.Core.Feedback;
using Triage.Core.Intake;
using Triage.Retrieval.Search;
using Triage.Server.Model;
using Triage.Server.Retrieval;
using Triage.Server.Security;
using Triage.Server.Validation;

namespace Triage.Server.Grpc;

/// <summary>
/// The public API. Each method authorizes by attribute (see <see cref="AuthInterceptor"/>), validates,
/// and hands over to the domain; it holds no logic of its own. Bound through <see cref="StrictRequestBinding"/>
/// so that a request that does not parse is INVALID_ARGUMENT rather than UNKNOWN.
/// </summary>
[BindServiceMethod(typeof(StrictRequestBinding), nameof(StrictRequestBinding.BindService))]
public sealed partial class TriageApiService(
    RequestValidator validator,
    IModelSource models,
    IOptions<SlaOptions> sla,
    RetrievalRuntime retrieval,
    IReplyDrafter drafter,
    IFeedbackStore feedback,
    DecisionLog decisions,
    TimeProvider clock)
    : TriageService.TriageServiceBase
{
    [RequireRole(TriageRole.Intake)]
    public override async Task<TriageTicketResponse> TriageTicket(TriageTicketRequest request, ServerCallContext context)
    {
        validator.Validate(request);
        var prepared = TicketPreparer.Prepare(request.Ticket.ToDomain());
        var response = new TriageTicketResponse { TicketId = request.Ticket.TicketId, Language = prepared.Language };
        response.RedactedKinds.AddRange(prepared.Redacted.Kinds.Select(k => k.ToString().ToLowerInvariant()));

        // One read of the serving model: a hot swap mid-call cannot mix versions in this answer.
        TicketClassification? classification = null;
        if (models.Current is { } model)
        {
            classification = Classify(model, prepared);
            response.ModelVersion = classification.ModelVersion;
            response.Classification = classification.ToProto(sla.Value);
        }
        else
        {
            response.Degradations.Add(new Degradation { Component = Component.Classifier, Reason = NoModel() });
        }

        IReadOnlyList<Triage.Retrieval.Search.SimilarCase> found = [];
        if (!request.SkipRetrieval)
        {
            var hints = classification is null ? RankingHints.None : RankingHintsFrom.Prediction(classification);
            var topK = request.MaxSimilarCases > 0 ? request.MaxSimilarCases : 3;
            var (cases, degradation) = await SearchCasesAsync(CallerIdentity.Of(context).Tenant, prepared, topK, 0f, Core.Retrieval.CaseFilter.None, hints, context.CancellationToken);
            found = cases;
            response.SimilarCases.AddRange(cases.Select(c => c.ToProto()));
            if (degradation is not null)
            {
                response.Degradations.Add(degradation);
            }
        }

        DraftResult? draftResult = null;
        if (!request.SkipDraft)
        {
            var (draft, degradation) = await DraftAsync(prepared, classification, found, context.CancellationToken);
            draftResult = draft;
            if (draft is not null)
            {
                response.Draft = ToProto(draft, NewDraftId());
            }

            if (degradation is not null)
            {
                response.Degradations.Add(degradation);
            }
        }

        var recorded = await decisions.RecordAsync(CallerIdentity.Of(context).Tenant, prepared, classification, found.Select(c => c.Case.CaseId),
            response.Draft?.DraftId, draftResult, classification is null ? null : sla.Value.For(classification.Urgency.Label), context.CancellationToken);
        if (recorded is not null)
        {
            response.Degradations.Add(recorded);
        }

        return response;
    }

    [RequireRole(TriageRole.Intake | TriageRole.Agent)]
    public override async Task<ClassifyTicketResponse> ClassifyTicket(ClassifyTicketRequest request, ServerCallContext context)
    {
        validator.Validate(request);
        // The caller asked for classification only: without a model there is nothing to degrade to.
        var model = models.Current ?? throw new RpcException(new Status(StatusCode.Unavailable, NoModel()));
        var prepared = TicketPreparer.Prepare(request.Ticket.ToDomain());
        var classification = Classify(model, prepared);
        var response = new ClassifyTicketResponse
        {
            TicketId = request.Ticket.TicketId,
            Language = prepared.Language,
            ModelVersion = classification.ModelVersion,
            Classification = classification.ToProto(sla.Value),
        };
        var recorded = await decisions.RecordAsync(CallerIdentity.Of(context).Tenant, prepared, classification, [], null, null,
            sla.Value.For(classification.Urgency.Label), context.CancellationToken);
        if (recorded is not null)
        {
            response.Degradations.Add(recorded);
        }

        return response;
    }


    [RequireRole(TriageRole.All)]
    public override Task<ModelInfo> GetModelInfo(GetModelInfoRequest request, ServerCallContext context)
    {
        var model = models.Current ?? throw new RpcException(new Status(StatusCode.Unavailable, NoModel()));
        return Task.FromResult(model.Description.ToProto(models.SourcePath, models.LoadedAt));
    }

    [RequireRole(TriageRole.Admin)]
    public override async Task<ReloadModelResponse> ReloadModel(ReloadModelRequest request, ServerCallContext context)
    {
        bool changed;
        try
        {
            changed = await models.ReloadAsync(context.CancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException)
        {
            // The old model keeps serving; the caller learns why the new one was refused.
            throw new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message));
        }

        var model = models.Current!;
        return new ReloadModelResponse { Changed = changed, Model = model.Description.ToProto(models.SourcePath, models.LoadedAt) };
    }

    private static TicketClassification Classify(IClassifierModel model, PreparedTicket prepared) =>
        model.Classify(new ClassifierInput(prepared.Text.Text, prepared.Language, prepared.Ticket.Channel));

    private static string NoModel() => "no classification model is loaded (see the health service's readiness for why)";
}
