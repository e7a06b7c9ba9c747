using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Triage.Tests.Retrieval.Remote.Fake;

namespace Triage.Tests.Retrieval.Remote;

/// <summary>The fake speaks the wire format as OpenAI documents it, independently of the client used against it.</summary>
public sealed class FakeOpenAiServerTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync(new FakeOpenAiSettings { ApiKey = "k" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Float_and_base64_answers_carry_the_same_vector()
    {
        var floats = await PostAsync(new JsonObject { ["model"] = "m", ["input"] = "hi", ["dimensions"] = 5 });
        var base64 = await PostAsync(new JsonObject { ["model"] = "m", ["input"] = "hi", ["dimensions"] = 5, ["encoding_format"] = "base64" });

        var expected = FakeVectors.For("m", "hi", 5);
        Assert.Equal(expected, floats["data"]![0]!["embedding"]!.AsArray().Select(x => x!.GetValue<float>()));
        var bytes = Convert.FromBase64String(base64["data"]![0]!["embedding"]!.GetValue<string>());
        Assert.Equal(expected, MemoryMarshal.Cast<byte, float>(bytes).ToArray());
        Assert.Equal("list", floats["object"]!.GetValue<string>());
        Assert.Equal("m", floats["model"]!.GetValue<string>());
        Assert.Equal(0, floats["data"]![0]!["index"]!.GetValue<int>());
    }

    [Fact]
    public async Task Without_dimensions_the_native_size_is_used()
    {
        var answer = await PostAsync(new JsonObject { ["model"] = "m", ["input"] = new JsonArray("a", "b") });

        Assert.All(answer["data"]!.AsArray(), d => Assert.Equal(_server.Settings.NativeDimensions, d!["embedding"]!.AsArray().Count));
    }

    [Fact]
    public async Task Refusals_use_openais_error_shape()
    {
        using var noKey = await Http.PostAsJsonAsync(new Uri(_server.BaseAddress + "/embeddings"), new JsonObject { ["model"] = "m", ["input"] = "a" });
        using var noModel = await SendAsync(new JsonObject { ["input"] = "a" });
        using var badInput = await SendAsync(new JsonObject { ["model"] = "m", ["input"] = new JsonArray() });

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("missing_api_key", (await noKey.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, noModel.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badInput.StatusCode);
        Assert.NotNull((await badInput.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["message"]);
    }

    [Fact]
    public async Task Injected_failures_run_out_and_are_logged()
    {
        _server.Faults.Fail(FakeOpenAiRoutes.Embeddings, 502, times: 2);

        using var first = await SendAsync(new JsonObject { ["model"] = "m", ["input"] = "a" });
        using var second = await SendAsync(new JsonObject { ["model"] = "m", ["input"] = "a" });
        using var third = await SendAsync(new JsonObject { ["model"] = "m", ["input"] = "a" });

        Assert.Equal([HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.OK], [first.StatusCode, second.StatusCode, third.StatusCode]);
        Assert.Equal(3, _server.Faults.CallsTo(FakeOpenAiRoutes.Embeddings));
    }

    private async Task<JsonObject> PostAsync(JsonObject body)
    {
        using var response = await SendAsync(body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private Task<HttpResponseMessage> SendAsync(JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseAddress + "/embeddings")) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "k");
        return Http.SendAsync(request);
    }
}
