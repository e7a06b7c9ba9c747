using Grpc.Core;
using Triage.Api.V1;
using Triage.Server.Security;
using Triage.Server.Validation;

namespace Triage.Server.Grpc;

/// <summary>
/// The public API. Each method authorizes by attribute (see <see cref="AuthInterceptor"/>), validates,
/// and hands over to the domain; it holds no logic of its own.
/// </summary>
public sealed class TriageApiService(RequestValidator validator) : TriageService.TriageServiceBase
{
    [RequireRole(TriageRole.Intake)]
    public override Task<TriageTicketResponse> TriageTicket(TriageTicketRequest request, ServerCallContext context)
    {
        validator.Validate(request);
        throw NotYetAvailable.Because("Ticket triage (classification, similar cases, drafting)");
    }

    [RequireRole(TriageRole.Intake | TriageRole.Agent)]
    public override Task<ClassifyTicketResponse> ClassifyTicket(ClassifyTicketRequest request, ServerCallContext context)
    {
        validator.Validate(request);
        throw NotYetAvailable.Because("Classification");
    }

    [RequireRole(TriageRole.Intake | TriageRole.Agent)]
    public override Task<FindSimilarCasesResponse> FindSimilarCases(FindSimilarCasesRequest request, ServerCallContext context)
    {
        validator.Validate(request);
        throw NotYetAvailable.Because("Similar-case search");
    }

    [RequireRole(TriageRole.Intake | TriageRole.Agent)]
    public override Task<DraftReplyResponse> DraftReply(DraftReplyRequest request, ServerCallContext context)
    {
        validator.Validate(request);
        throw NotYetAvailable.Because("Reply drafting");
    }

    [RequireRole(TriageRole.Intake | TriageRole.Agent)]
    public override Task StreamDraftReply(DraftReplyRequest request, IServerStreamWriter<DraftChunk> responseStream, ServerCallContext context)
    {
        validator.Validate(request);
        throw NotYetAvailable.Because("Reply drafting");
    }

    [RequireRole(TriageRole.Agent)]
    public override Task<SubmitReviewResponse> SubmitReview(SubmitReviewRequest request, ServerCallContext context)
    {
        validator.Validate(request);
        throw NotYetAvailable.Because("Review submission");
    }

    [RequireRole(TriageRole.Admin)]
    public override Task<IngestResolvedCasesResponse> IngestResolvedCases(IAsyncStreamReader<ResolvedCase> requestStream, ServerCallContext context) =>
        throw NotYetAvailable.Because("Resolved-case ingestion");

    [RequireRole(TriageRole.Admin)]
    public override Task<DeleteCaseResponse> DeleteCase(DeleteCaseRequest request, ServerCallContext context)
    {
        validator.Validate(request);
        throw NotYetAvailable.Because("Case deletion");
    }

    [RequireRole(TriageRole.Admin)]
    public override Task ExportLabeledTickets(ExportLabeledTicketsRequest request, IServerStreamWriter<LabeledTicket> responseStream, ServerCallContext context)
    {
        validator.Validate(request);
        throw NotYetAvailable.Because("Labeled export");
    }

    [RequireRole(TriageRole.All)]
    public override Task<ModelInfo> GetModelInfo(GetModelInfoRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Because("The classification model");

    [RequireRole(TriageRole.Admin)]
    public override Task<ReloadModelResponse> ReloadModel(ReloadModelRequest request, ServerCallContext context) =>
        throw NotYetAvailable.Because("The classification model");
}
