using Triage.Core.Retrieval;

namespace Triage.Tests.Retrieval.Qdrant;

/// <summary>The shared case-index behaviour, run against the Qdrant index talking gRPC to the fake server.</summary>
public sealed class QdrantCaseIndexBehaviourTests(FakeQdrantFixture fixture) : CaseIndexBehaviour, IClassFixture<FakeQdrantFixture>
{
    protected override Task<ICaseIndex> CreateAsync() =>
        Task.FromResult<ICaseIndex>(FakeQdrantFixture.Index(FakeQdrantFixture.Options(fixture.Server.Address)));
}
