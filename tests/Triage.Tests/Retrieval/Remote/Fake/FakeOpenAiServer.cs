using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Triage.Tests.Retrieval.Remote.Fake;

/// <summary>
/// A fake OpenAI-compatible API on a real loopback socket, so the official client's URL building, headers, timeouts,
/// retries and JSON are exercised for real. Routes are mapped twice: OpenAI-style under <c>/v1</c> (bearer key) and
/// Azure-deployment-style under <c>/openai/deployments/{deployment}</c> (<c>api-key</c> header, <c>api-version</c>).
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app, Uri root, FakeOpenAiSettings settings, FakeOpenAiFaults faults, FakeChatScript chat)
    {
        _app = app;
        Root = root;
        Settings = settings;
        Faults = faults;
        Chat = chat;
    }

    /// <summary>Scheme, host and port, as an Azure OpenAI resource root is given.</summary>
    public Uri Root { get; }

    /// <summary>The OpenAI-style base URL (…/v1), as OpenAI, Ollama and vLLM are given.</summary>
    public Uri BaseAddress => new(Root, "/v1");

    public FakeOpenAiSettings Settings { get; }

    public FakeOpenAiFaults Faults { get; }

    /// <summary>What the chat model answers and how it streams.</summary>
    public FakeChatScript Chat { get; }

    public static async Task<FakeOpenAiServer> StartAsync(FakeOpenAiSettings? settings = null)
    {
        settings ??= new FakeOpenAiSettings();
        var faults = new FakeOpenAiFaults();
        var chat = new FakeChatScript();
        var builder = WebApplication.CreateSlimBuilder();
        // The test output holds the service's appsettings.json; its Kestrel endpoints are not this server's.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1));

        var app = builder.Build();
        var openAi = app.MapGroup("/v1");
        var azure = app.MapGroup("/openai/deployments/{deployment}");
        Map(openAi, FakeKeyStyle.Bearer, settings, faults, chat);
        Map(azure, FakeKeyStyle.AzureApiKey, settings, faults, chat);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FakeOpenAiServer(app, new Uri(address), settings, faults, chat);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One line per route, each behind the same gate.</summary>
    private static void Map(RouteGroupBuilder group, FakeKeyStyle style, FakeOpenAiSettings settings, FakeOpenAiFaults faults, FakeChatScript chat)
    {
        group.MapPost("/embeddings", (HttpContext http) => FakeEmbeddingsEndpoint.Handle(http, settings, Deployment(http)))
            .AddEndpointFilter(new FakeOpenAiGate(FakeOpenAiRoutes.Embeddings, style, settings, faults));
        group.MapPost("/chat/completions", (HttpContext http) => FakeChatCompletionsEndpoint.Handle(http, chat, Deployment(http)))
            .AddEndpointFilter(new FakeOpenAiGate(FakeOpenAiRoutes.ChatCompletions, style, settings, faults));
    }

    private static string? Deployment(HttpContext http) => http.Request.RouteValues.TryGetValue("deployment", out var d) ? d as string : null;
}
