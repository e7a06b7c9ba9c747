using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Triage.Retrieval.Embedding.Remote;
using Triage.Tests.Retrieval.Remote.Fake;

namespace Triage.Tests.Retrieval.Remote;

/// <summary>The remote embedder against a fake OpenAI-compatible server on a real socket, when all goes well.</summary>
public sealed class RemoteEmbeddingTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { ApiKey = RemoteTestOptions.Key });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Vectors_come_back_normalized_and_in_input_order()
    {
        string[] inputs = ["결제가 두 번 되었어요", "I was charged twice", "배송 조회가 안 됩니다"];
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress));

        var result = await embedder.GenerateAsync(inputs);

        Assert.Equal(inputs.Length, result.Count);
        for (var i = 0; i < inputs.Length; i++)
        {
            var vector = result[i].Vector.ToArray();
            Assert.Equal(16, vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(vector), 4);
            Assert.Equal(FakeVectors.Normalized(RemoteTestOptions.Model, inputs[i], 16), vector, (a, b) => Math.Abs(a - b) < 1e-5f);
            Assert.Equal(embedder.Info.Id, result[i].ModelId);
        }
    }

    [Fact]
    public async Task The_request_is_what_an_OpenAI_server_expects()
    {
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress));

        await embedder.GenerateAsync(["hello"]);

        var call = Assert.Single(_server.Faults.Calls);
        Assert.Equal("/v1/embeddings", call.Path);
        Assert.Equal("Bearer " + RemoteTestOptions.Key, call.Authorization);
        Assert.Equal(RemoteTestOptions.Model, call.Body!["model"]!.GetValue<string>());
        Assert.Equal(16, call.Body["dimensions"]!.GetValue<int>());
        Assert.Equal("hello", call.Body["input"]!.AsArray().Single()!.GetValue<string>());
        // The official client asks for base64; a compatible server has to support it (or answer floats, tested below).
        Assert.Equal("base64", call.Body["encoding_format"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_large_call_is_split_into_batches_that_keep_the_order()
    {
        var inputs = Enumerable.Range(0, 10).Select(i => $"ticket number {i}").ToList();
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress, o => o.MaxBatchSize = 4));

        var result = await embedder.GenerateAsync(inputs);

        Assert.Equal([4, 4, 2], _server.Faults.CallsOf(FakeOpenAiRoutes.Embeddings).Select(c => c.Body!["input"]!.AsArray().Count));
        Assert.Equal(inputs.Count, result.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            Assert.Equal(FakeVectors.Normalized(RemoteTestOptions.Model, inputs[i], 16), result[i].Vector.ToArray(), (a, b) => Math.Abs(a - b) < 1e-5f);
        }

        Assert.Equal(30, result.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task No_inputs_make_no_request()
    {
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress));

        Assert.Empty(await embedder.GenerateAsync([]));
        Assert.Empty(_server.Faults.Calls);
    }

    [Fact]
    public async Task A_trailing_slash_on_the_endpoint_is_harmless()
    {
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(new Uri(_server.BaseAddress + "/")));

        await embedder.GenerateAsync(["hello"]);

        Assert.Equal("/v1/embeddings", Assert.Single(_server.Faults.Calls).Path);
    }

    [Fact]
    public async Task The_dimensions_parameter_can_be_left_out_for_fixed_size_models()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { RejectDimensions = true, NativeDimensions = 24 });
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(server.BaseAddress, o =>
        {
            o.ApiKey = null;
            o.Dimensions = 24;
            o.RequestDimensions = false;
        }));

        var result = await embedder.GenerateAsync(["hello"]);

        Assert.Equal(24, result[0].Vector.Length);
        Assert.Null(Assert.Single(server.Faults.Calls).Body!["dimensions"]);
    }

    [Fact]
    public async Task A_server_that_takes_no_key_gets_no_authorization_header()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(server.BaseAddress, o => o.ApiKey = null));

        await embedder.GenerateAsync(["hello"]);

        Assert.Null(Assert.Single(server.Faults.Calls).Authorization);
    }

    [Fact]
    public async Task A_server_answering_float_arrays_is_read_too()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { IgnoreEncodingFormat = true });
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(server.BaseAddress, o => o.ApiKey = null));

        var result = await embedder.GenerateAsync(["hello", "world"]);

        Assert.Equal(FakeVectors.Normalized(RemoteTestOptions.Model, "world", 16), result[1].Vector.ToArray(), (a, b) => Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public async Task Results_listed_out_of_order_are_put_back_in_input_order()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { ReverseOrder = true });
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(server.BaseAddress, o => o.ApiKey = null));

        var result = await embedder.GenerateAsync(["first", "second", "third"]);

        Assert.Equal(FakeVectors.Normalized(RemoteTestOptions.Model, "first", 16), result[0].Vector.ToArray(), (a, b) => Math.Abs(a - b) < 1e-5f);
        Assert.Equal(FakeVectors.Normalized(RemoteTestOptions.Model, "third", 16), result[2].Vector.ToArray(), (a, b) => Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public async Task Works_behind_the_generic_interface_and_reports_its_metadata()
    {
        using IEmbeddingGenerator<string, Embedding<float>> embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress));

        var vector = await embedder.GenerateVectorAsync("hello");
        var metadata = embedder.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal(16, vector.Length);
        Assert.Equal(16, metadata?.DefaultModelDimensions);
        Assert.StartsWith("openai:", metadata?.DefaultModelId, StringComparison.Ordinal);
    }
}
