using Grpc.Core;
using Triage.Retrieval.Qdrant.Wire;
using QdrantService = Triage.Retrieval.Qdrant.Wire.Qdrant;

namespace Triage.Tests.Retrieval.Qdrant.Fake;

internal sealed class FakeHealthService(FakeQdrantFaults faults) : QdrantService.QdrantBase
{
    public override Task<HealthCheckReply> HealthCheck(HealthCheckRequest request, ServerCallContext context) =>
        Task.FromResult(new HealthCheckReply { Title = "qdrant - vector search engine (fake)", Version = faults.Version });
}
