using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Triage.Retrieval.Embedding.Remote;
using Triage.Tests.Retrieval.Remote.Fake;

namespace Triage.Tests.Retrieval.Remote;

/// <summary>How the remote embedder fails: retried and then quick and transient when the server is away or slow,
/// immediate and final when it is misconfigured.</summary>
public sealed class RemoteEmbeddingFaultTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { ApiKey = RemoteTestOptions.Key });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_500_followed_by_success_is_retried()
    {
        _server.Faults.Fail(FakeOpenAiRoutes.Embeddings, 500, times: 1);
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress));

        var result = await embedder.GenerateAsync(["hello"]);

        Assert.Single(result);
        Assert.Equal(2, _server.Faults.CallsTo(FakeOpenAiRoutes.Embeddings));
    }

    [Fact]
    public async Task A_rate_limit_is_retried_after_the_delay_the_server_asks_for()
    {
        _server.Faults.Fail(FakeOpenAiRoutes.Embeddings, 429, times: 1, retryAfter: TimeSpan.FromMilliseconds(40));
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress, o => o.RetryMaxDelay = TimeSpan.FromSeconds(1)));

        var clock = Stopwatch.StartNew();
        await embedder.GenerateAsync(["hello"]);

        Assert.Equal(2, _server.Faults.CallsTo(FakeOpenAiRoutes.Embeddings));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(35), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_server_that_keeps_failing_gives_a_transient_error_after_bounded_retries(int status)
    {
        _server.Faults.Fail(FakeOpenAiRoutes.Embeddings, status);
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress));

        await WarmUpAsync();
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RemoteEmbeddingException>(() => embedder.GenerateAsync(["hello"]));

        Assert.True(e.Transient);
        Assert.Equal(status, e.Status);
        Assert.Contains($"HTTP {status}", e.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 attempts", e.Message, StringComparison.Ordinal);
        Assert.Contains("Injected failure", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.Faults.CallsTo(FakeOpenAiRoutes.Embeddings));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}"); // far below the 30 s hang: bounded by the timeout, with room for a loaded CI machine
    }

    [Fact]
    public async Task A_server_that_hangs_gives_a_transient_timeout_error_after_bounded_retries()
    {
        _server.Faults.Delay(FakeOpenAiRoutes.Embeddings, TimeSpan.FromSeconds(30));
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 1;
        }));

        await WarmUpAsync();
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RemoteEmbeddingException>(() => embedder.GenerateAsync(["hello"]));

        Assert.True(e.Transient);
        Assert.Contains("did not answer within", e.Message, StringComparison.Ordinal);
        Assert.Contains(RemoteEmbeddingOptions.Section + ":Timeout", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Faults.CallsTo(FakeOpenAiRoutes.Embeddings));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}"); // far below the 30 s hang: bounded by the timeout, with room for a loaded CI machine
    }

    [Fact]
    public async Task A_slow_first_attempt_is_retried_within_the_timeout()
    {
        _server.Faults.Delay(FakeOpenAiRoutes.Embeddings, TimeSpan.FromSeconds(30), times: 1);
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress, o => o.Timeout = TimeSpan.FromMilliseconds(300)));

        var result = await embedder.GenerateAsync(["hello"]);

        Assert.Single(result);
        Assert.Equal(2, _server.Faults.CallsTo(FakeOpenAiRoutes.Embeddings));
    }

    [Fact]
    public async Task A_server_that_is_down_gives_a_transient_error_quickly()
    {
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(new Uri($"http://127.0.0.1:{UnusedPort()}/v1")));

        await WarmUpAsync();
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RemoteEmbeddingException>(() => embedder.GenerateAsync(["hello"]));

        Assert.True(e.Transient);
        Assert.Null(e.Status);
        Assert.Contains("could not be reached after 3 attempts", e.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}"); // far below the 30 s hang: bounded by the timeout, with room for a loaded CI machine
    }

    [Fact]
    public async Task A_refused_key_is_final_names_the_setting_and_is_not_retried()
    {
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress, o => o.ApiKey = "sk-wrong"));

        var e = await Assert.ThrowsAsync<RemoteEmbeddingException>(() => embedder.GenerateAsync(["hello"]));

        Assert.False(e.Transient);
        Assert.Equal(401, e.Status);
        Assert.Contains("refused the API key", e.Message, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided", e.Message, StringComparison.Ordinal);
        Assert.Contains(RemoteEmbeddingOptions.Section + ":ApiKey", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, _server.Faults.CallsTo(FakeOpenAiRoutes.Embeddings));
    }

    [Fact]
    public async Task A_missing_key_says_none_was_sent()
    {
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress, o => o.ApiKey = null));

        var e = await Assert.ThrowsAsync<RemoteEmbeddingException>(() => embedder.GenerateAsync(["hello"]));

        Assert.Contains("no key was sent", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_path_is_final_and_points_at_the_endpoint_setting()
    {
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.Root));

        var e = await Assert.ThrowsAsync<RemoteEmbeddingException>(() => embedder.GenerateAsync(["hello"]));

        Assert.False(e.Transient);
        Assert.Equal(404, e.Status);
        Assert.Contains(RemoteEmbeddingOptions.Section + ":Endpoint", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vectors_of_the_wrong_size_are_refused_with_both_sizes_named()
    {
        // A fixed-size model behind a server that ignores the dimensions parameter.
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { HonorDimensions = false, NativeDimensions = 24 });
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(server.BaseAddress, o => o.ApiKey = null));

        var e = await Assert.ThrowsAsync<RemoteEmbeddingException>(() => embedder.GenerateAsync(["hello"]));

        Assert.False(e.Transient);
        Assert.Contains("returned vectors of 24 dimensions", e.Message, StringComparison.Ordinal);
        Assert.Contains(RemoteEmbeddingOptions.Section + ":Dimensions is 16", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Faults.CallsTo(FakeOpenAiRoutes.Embeddings));
    }

    [Fact]
    public async Task A_rejected_dimensions_parameter_suggests_turning_it_off()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { RejectDimensions = true });
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(server.BaseAddress, o => o.ApiKey = null));

        var e = await Assert.ThrowsAsync<RemoteEmbeddingException>(() => embedder.GenerateAsync(["hello"]));

        Assert.False(e.Transient);
        Assert.Equal(400, e.Status);
        Assert.Contains("matryoshka", e.Message, StringComparison.Ordinal);
        Assert.Contains(RemoteEmbeddingOptions.Section + ":RequestDimensions", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_answer_is_refused()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { DropLastVector = true });
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(server.BaseAddress, o => o.ApiKey = null));

        var e = await Assert.ThrowsAsync<RemoteEmbeddingException>(() => embedder.GenerateAsync(["a", "b", "c"]));

        Assert.False(e.Transient);
        Assert.Contains("returned 2 vectors for 3 inputs", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body>Bad gateway</body></html>", "text/html")]
    [InlineData("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":", "application/json")]
    [InlineData("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":\"%%%\"}],\"model\":\"m\",\"usage\":{\"prompt_tokens\":1,\"total_tokens\":1}}", "application/json")]
    [InlineData("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0}]}", "application/json")]
    [InlineData("[]", "application/json")]
    public async Task An_answer_that_is_not_an_embeddings_response_is_refused(string body, string contentType)
    {
        _server.Faults.Answer(FakeOpenAiRoutes.Embeddings, 200, body, contentType);
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress));

        var e = await Assert.ThrowsAsync<RemoteEmbeddingException>(() => embedder.GenerateAsync(["hello"]));

        Assert.False(e.Transient);
        Assert.Contains("not an OpenAI embeddings response", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, _server.Faults.CallsTo(FakeOpenAiRoutes.Embeddings));
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation()
    {
        _server.Faults.Delay(FakeOpenAiRoutes.Embeddings, TimeSpan.FromSeconds(30));
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress, o => o.Timeout = TimeSpan.FromSeconds(10)));
        await WarmUpAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => embedder.GenerateAsync(["hello"], cancellationToken: cts.Token));

        Assert.Equal(1, _server.Faults.CallsTo(FakeOpenAiRoutes.Embeddings));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}"); // far below the 30 s hang: bounded by the timeout, with room for a loaded CI machine
    }

    [Fact]
    public async Task A_cancellation_during_a_retry_is_still_a_cancellation()
    {
        // The first attempt times out at 250 ms; the caller gives up during a retry, which the client reports as an
        // AggregateException of all the attempts.
        _server.Faults.Delay(FakeOpenAiRoutes.Embeddings, TimeSpan.FromSeconds(30));
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(_server.BaseAddress, o => o.Timeout = TimeSpan.FromMilliseconds(250)));
        await WarmUpAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(380));

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => embedder.GenerateAsync(["hello"], cancellationToken: cts.Token));

        Assert.Equal(cts.Token, e.CancellationToken);
        Assert.InRange(_server.Faults.CallsTo(FakeOpenAiRoutes.Embeddings), 2, 3);
    }

    /// <summary>The first request in a process pays for JIT and connection set-up; time bounds are about retries and timeouts, not that.</summary>
    private static async Task WarmUpAsync()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var embedder = RemoteEmbeddingFactory.Create(RemoteTestOptions.For(server.BaseAddress, o => o.ApiKey = null));
        await embedder.GenerateAsync(["warm-up"]);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
