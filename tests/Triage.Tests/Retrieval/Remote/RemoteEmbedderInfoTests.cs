using Triage.Retrieval.Embedding.Remote;

namespace Triage.Tests.Retrieval.Remote;

/// <summary>The embedder id is what the case index compares: any change of vector space must change it.</summary>
public sealed class RemoteEmbedderInfoTests
{
    private static readonly Uri Endpoint = new("https://api.openai.com/v1");

    [Fact]
    public void The_id_names_model_host_and_size()
    {
        var info = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(Endpoint)).Info;

        Assert.Equal("openai:text-embedding-3-small@api.openai.com-d16", info.Id);
        Assert.Equal(16, info.Dimension);
    }

    [Fact]
    public void The_id_changes_with_the_model_the_size_and_the_host()
    {
        var baseline = RemoteEmbedderInfo.For(RemoteTestOptions.For(Endpoint)).Id;

        Assert.NotEqual(baseline, RemoteEmbedderInfo.For(RemoteTestOptions.For(Endpoint, o => o.Model = "text-embedding-3-large")).Id);
        Assert.NotEqual(baseline, RemoteEmbedderInfo.For(RemoteTestOptions.For(Endpoint, o => o.Dimensions = 512)).Id);
        Assert.NotEqual(baseline, RemoteEmbedderInfo.For(RemoteTestOptions.For(new Uri("http://ollama:11434/v1"))).Id);
    }

    [Fact]
    public void The_id_ignores_what_does_not_change_the_vectors()
    {
        var baseline = RemoteEmbedderInfo.For(RemoteTestOptions.For(new Uri("http://vllm:8000/v1"))).Id;

        Assert.Equal(baseline, RemoteEmbedderInfo.For(RemoteTestOptions.For(new Uri("http://VLLM:9000/v1/"), o =>
        {
            o.ApiKey = "another";
            o.Timeout = TimeSpan.FromSeconds(30);
            o.MaxRetries = 5;
        })).Id);
    }
}
