using Grpc.Core;
using Triage.Retrieval.Qdrant.Wire;

namespace Triage.Tests.Retrieval.Qdrant.Fake;

internal sealed class FakeCollectionsService(FakeQdrantStore store) : Collections.CollectionsBase
{
    public override Task<GetCollectionInfoResponse> Get(GetCollectionInfoRequest request, ServerCallContext context) =>
        Task.FromResult(new GetCollectionInfoResponse { Result = store[request.CollectionName].Info() });

    public override Task<CollectionOperationResponse> Create(CreateCollection request, ServerCallContext context)
    {
        if (request.VectorsConfig?.ConfigCase != VectorsConfig.ConfigOneofCase.Params)
        {
            throw FakePoint.Fail(StatusCode.InvalidArgument, "Wrong input: this fake serves one unnamed vector per point");
        }

        store.Create(request.CollectionName, request.VectorsConfig.Params.Size, request.VectorsConfig.Params.Distance);
        return Task.FromResult(new CollectionOperationResponse { Result = true });
    }

    public override Task<CollectionOperationResponse> Delete(DeleteCollection request, ServerCallContext context) =>
        Task.FromResult(new CollectionOperationResponse { Result = store.Drop(request.CollectionName) });
}
