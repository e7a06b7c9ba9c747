using Grpc.Core;
using Triage.Retrieval.Qdrant.Wire;

namespace Triage.Tests.Retrieval.Qdrant.Fake;

internal sealed class FakePointsService(FakeQdrantStore store, FakeQdrantFaults faults) : Points.PointsBase
{
    /// <summary>Qdrant's default page when a query sets no limit.</summary>
    private const int DefaultLimit = 10;

    public override Task<PointsOperationResponse> Upsert(UpsertPoints request, ServerCallContext context)
    {
        var status = store[request.CollectionName].Upsert(request.Points, request.Wait);
        return Done(faults.TakeWaitTimeout() ? UpdateStatus.WaitTimeout : status);
    }

    public override Task<PointsOperationResponse> Delete(DeletePoints request, ServerCallContext context) =>
        Done(store[request.CollectionName].Delete(request.Points, request.Wait));

    public override Task<GetResponse> Get(GetPoints request, ServerCallContext context)
    {
        var response = new GetResponse();
        foreach (var point in store[request.CollectionName].Get(request.Ids))
        {
            var retrieved = new RetrievedPoint { Id = point.Id };
            if (request.WithPayload?.Enable == true)
            {
                retrieved.Payload.Add(point.Payload);
            }

            response.Result.Add(retrieved);
        }

        return Task.FromResult(response);
    }

    public override Task<PointsOperationResponse> CreateFieldIndex(CreateFieldIndexCollection request, ServerCallContext context)
    {
        var type = request.FieldType switch
        {
            FieldType.Keyword => PayloadSchemaType.Keyword,
            FieldType.Integer => PayloadSchemaType.Integer,
            FieldType.Float => PayloadSchemaType.Float,
            FieldType.Bool => PayloadSchemaType.Bool,
            FieldType.Text => PayloadSchemaType.Text,
            FieldType.Datetime => PayloadSchemaType.Datetime,
            FieldType.Uuid => PayloadSchemaType.Uuid,
            _ => throw FakePoint.Fail(StatusCode.InvalidArgument, $"Wrong input: index type {request.FieldType} is not served by this fake"),
        };
        var keywordParams = request.FieldIndexParams?.KeywordIndexParams;
        if (keywordParams is not null && type != PayloadSchemaType.Keyword)
        {
            throw FakePoint.Fail(StatusCode.InvalidArgument, "Wrong input: keyword index params on a non-keyword index");
        }

        return Done(store[request.CollectionName].CreateIndex(request.FieldName, type, keywordParams?.IsTenant == true, request.Wait));
    }

    public override Task<CountResponse> Count(CountPoints request, ServerCallContext context) =>
        Task.FromResult(new CountResponse { Result = new CountResult { Count = store[request.CollectionName].Count(request.Filter) } });

    public override Task<QueryResponse> Query(QueryPoints request, ServerCallContext context)
    {
        var collection = store[request.CollectionName];
        var vector = request.Query?.Nearest?.Dense?.Data.ToArray()
            ?? throw FakePoint.Fail(StatusCode.InvalidArgument, "Wrong input: this fake serves nearest queries by dense vector only");
        var limit = request.HasLimit ? (int)Math.Min(request.Limit, int.MaxValue) : DefaultLimit;
        var threshold = request.HasScoreThreshold ? request.ScoreThreshold : (float?)null;

        var response = new QueryResponse();
        foreach (var (point, score) in collection.Nearest(vector, request.Filter, threshold, limit))
        {
            var scored = new ScoredPoint { Id = point.Id, Score = score, Version = point.Version };
            // As in Qdrant, payload is returned only when asked for.
            if (request.WithPayload?.Enable == true)
            {
                scored.Payload.Add(point.Payload);
            }

            response.Result.Add(scored);
        }

        return Task.FromResult(response);
    }

    private static Task<PointsOperationResponse> Done(UpdateStatus status) =>
        Task.FromResult(new PointsOperationResponse { Result = new UpdateResult { Status = status } });
}
