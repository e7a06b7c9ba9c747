using Triage.Retrieval.Embedding.Remote;
using Triage.Tests.Retrieval.Remote.Fake;

namespace Triage.Tests.Retrieval.Remote;

/// <summary>Azure OpenAI's classic deployment URLs: the deployment in the path, api-version in the query, the key in api-key.</summary>
public sealed class AzureDeploymentTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { ApiKey = RemoteTestOptions.Key });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Requests_go_to_the_deployment_with_the_api_version_and_api_key_header()
    {
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.Root, o =>
        {
            o.Kind = RemoteEmbeddingKind.AzureDeployment;
            o.Model = "my-embeddings";
        }));

        var result = await embedder.GenerateAsync(["결제 오류", "refund"]);

        var call = Assert.Single(_server.Faults.Calls);
        Assert.Equal("/openai/deployments/my-embeddings/embeddings", call.Path);
        Assert.Equal("?api-version=2024-10-21", call.Query);
        Assert.Equal(RemoteTestOptions.Key, call.ApiKeyHeader);
        Assert.Null(call.Authorization);
        Assert.Equal(FakeVectors.Normalized("my-embeddings", "refund", 16), result[1].Vector.ToArray(), (a, b) => Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public async Task Retries_keep_a_single_api_version()
    {
        _server.Faults.Fail(FakeOpenAiRoutes.Embeddings, 503, times: 1);
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.Root, o =>
        {
            o.Kind = RemoteEmbeddingKind.AzureDeployment;
            o.AzureApiVersion = "2025-01-01";
        }));

        await embedder.GenerateAsync(["hello"]);

        Assert.All(_server.Faults.Calls, c => Assert.Equal("?api-version=2025-01-01", c.Query));
        Assert.Equal(2, _server.Faults.Calls.Count);
    }
}
