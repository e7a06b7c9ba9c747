using Grpc.Core;
using Triage.Api.V1;
using Triage.Core.Intake;
using Triage.Core.Retrieval;
using Triage.Core.Text;
using Triage.Retrieval.Embedding.Remote;
using Triage.Retrieval.Ingestion;
using Triage.Retrieval.Search;
using FoundCase = Triage.Retrieval.Search.SimilarCase;
using Triage.Server.Security;

namespace Triage.Server.Grpc;

/// <summary>The resolved-case calls: search, bulk import, delete. Always within the caller's tenant.</summary>
public sealed partial class TriageApiService
{
    /// <summary>Itemized ingestion errors per call; <c>rejected</c> still counts every bad item.</summary>
    public const int MaxReportedItemErrors = 100;

    [RequireRole(TriageRole.Intake | TriageRole.Agent)]
    public override async Task<FindSimilarCasesResponse> FindSimilarCases(FindSimilarCasesRequest request, ServerCallContext context)
    {
        validator.Validate(request);
        var search = retrieval.Search ?? throw new RpcException(new Status(StatusCode.Unavailable, retrieval.Check().Description));
        var prepared = TicketPreparer.Prepare(request.Ticket.ToDomain());
        var response = new FindSimilarCasesResponse { Embedder = retrieval.Embedder?.Id ?? string.Empty };

        // The classifier's labels sharpen the ranking; without a model the search still answers.
        var hints = RankingHints.None;
        if (models.Current is { } model)
        {
            var classification = Classify(model, prepared);
            response.ModelVersion = classification.ModelVersion;
            hints = RankingHintsFrom.Prediction(classification);
        }
        else
        {
            response.Degradations.Add(new Degradation { Component = Component.Classifier, Reason = NoModel() + "; ranked by similarity only" });
        }

        try
        {
            var cases = await search.FindAsync(CallerIdentity.Of(context).Tenant, prepared.Redacted.Text, request.TopK, request.MinSimilarity,
                request.Filter.ToDomain(), hints, context.CancellationToken);
            response.Cases.AddRange(cases.Select(c => c.ToProto()));
        }
        catch (CaseIndexException ex)
        {
            // The caller asked for cases only: a failing index fails the call, with its reason.
            throw new RpcException(new Status(ex.Transient ? StatusCode.Unavailable : StatusCode.FailedPrecondition, ex.Message));
        }
        catch (RemoteEmbeddingException ex)
        {
            throw new RpcException(new Status(ex.Transient ? StatusCode.Unavailable : StatusCode.FailedPrecondition, ex.Message));
        }

        return response;
    }

    [RequireRole(TriageRole.Admin)]
    public override async Task<IngestResolvedCasesResponse> IngestResolvedCases(IAsyncStreamReader<ResolvedCase> requestStream, ServerCallContext context)
    {
        var ingestion = retrieval.Ingestion ?? throw new RpcException(new Status(StatusCode.Unavailable, retrieval.Check().Description));
        var tenant = CallerIdentity.Of(context).Tenant;
        var response = new IngestResolvedCasesResponse();
        var batch = new List<CaseRecord>(CaseIngestion.BatchSize);
        var index = 0;
        await foreach (var item in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var errors = validator.Check(item);
            if (errors.Any)
            {
                // A bad item is counted and skipped; the stream goes on. Only the first errors are itemized,
                // so an import of many bad items still gets an answer a default-sized client can receive.
                foreach (var violation in errors.Violations.Take(MaxReportedItemErrors - response.Errors.Count))
                {
                    response.Errors.Add(new IngestItemError { Index = index, CaseId = item.CaseId, Field = violation.Field, Message = violation.Description });
                }

                response.Rejected++;
            }
            else
            {
                var language = item.Language.Length > 0 ? item.Language : LanguageDetector.Detect(TextNormalizer.Instance.Normalize(item.Subject, item.Body).Text);
                batch.Add(item.ToDomain(tenant, language));
            }

            index++;
            if (batch.Count == batch.Capacity)
            {
                response.Accepted += await StoreAsync(ingestion, batch, response.Accepted, context.CancellationToken);
            }
        }

        response.Accepted += await StoreAsync(ingestion, batch, response.Accepted, context.CancellationToken);
        return response;
    }

    [RequireRole(TriageRole.Admin)]
    public override async Task<DeleteCaseResponse> DeleteCase(DeleteCaseRequest request, ServerCallContext context)
    {
        validator.Validate(request);
        try
        {
            return new DeleteCaseResponse { Deleted = await retrieval.Index.DeleteAsync(CallerIdentity.Of(context).Tenant, request.CaseId, context.CancellationToken) };
        }
        catch (Exception ex) when (ex is CaseIndexException or InvalidOperationException)
        {
            throw new RpcException(new Status(WriteFailure(ex), $"case index unavailable: {ex.Message}"));
        }
    }

    private static async Task<int> StoreAsync(CaseIngestion ingestion, List<CaseRecord> batch, int acceptedSoFar, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            var stored = await ingestion.IngestAsync(batch, ct);
            batch.Clear();
            return stored;
        }
        catch (Exception ex) when (ex is CaseIndexException or RemoteEmbeddingException)
        {
            throw new RpcException(new Status(WriteFailure(ex),
                $"case index failed after {acceptedSoFar} cases were stored (re-sending them is safe: ingestion is idempotent by case id): {ex.Message}"));
        }
    }

    /// <summary>A full disk is RESOURCE_EXHAUSTED, as gRPC defines it ("the entire file system is out of space"); other write failures are UNAVAILABLE.</summary>
    private static StatusCode WriteFailure(Exception ex) => ex is CaseIndexException { OutOfSpace: true } ? StatusCode.ResourceExhausted : StatusCode.Unavailable;

    /// <summary>Searches for TriageTicket, where a failing index degrades the answer instead of failing it.</summary>
    private async Task<(IReadOnlyList<FoundCase> Cases, Degradation? Degradation)> SearchCasesAsync(
        string tenant, PreparedTicket prepared, int topK, float minSimilarity, Core.Retrieval.CaseFilter filter, RankingHints hints, CancellationToken ct)
    {
        if (retrieval.Search is not { } search)
        {
            return ([], new Degradation { Component = Component.Retrieval, Reason = retrieval.Check().Description });
        }

        try
        {
            return (await search.FindAsync(tenant, prepared.Redacted.Text, topK, minSimilarity, filter, hints, ct), null);
        }
        catch (CaseIndexException ex)
        {
            return ([], new Degradation { Component = Component.Retrieval, Reason = $"case index unavailable: {ex.Message}" });
        }
        catch (RemoteEmbeddingException ex)
        {
            return ([], new Degradation { Component = Component.Retrieval, Reason = $"embedding endpoint unavailable: {ex.Message}" });
        }
    }

}
