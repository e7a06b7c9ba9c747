using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Triage.Tests.Retrieval.Qdrant.Fake;

/// <summary>
/// A fake Qdrant speaking the same proto subset as the client, on a real loopback socket (HTTP/2 cleartext,
/// like Qdrant's port 6334), so the client's channel, headers, deadlines and status codes are exercised for real.
/// </summary>
public sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeQdrantServer(WebApplication app, Uri address, FakeQdrantStore store, FakeQdrantFaults faults)
    {
        _app = app;
        Address = address;
        Store = store;
        Faults = faults;
    }

    public Uri Address { get; }

    public FakeQdrantStore Store { get; }

    public FakeQdrantFaults Faults { get; }

    /// <param name="apiKey">When set, every call but the health check must carry it in the <c>api-key</c> header.</param>
    /// <param name="port">A fixed port (0: any free one), to bring a stopped server back where its clients expect it.</param>
    /// <param name="store">The collections of a stopped server, to restart it with its data as a real Qdrant keeps it on disk.</param>
    public static async Task<FakeQdrantServer> StartAsync(string? apiKey = null, int port = 0, FakeQdrantStore? store = null)
    {
        store ??= new FakeQdrantStore();
        var faults = new FakeQdrantFaults();
        var builder = WebApplication.CreateSlimBuilder();
        // The test output holds the service's appsettings.json; its Kestrel endpoints are not this server's.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(store).AddSingleton(faults).AddSingleton(new FakeQdrantAuth(apiKey));
        builder.Services.AddGrpc(o => o.Interceptors.Add<FakeQdrantGate>());

        var app = builder.Build();
        app.MapGrpcService<FakeCollectionsService>();
        app.MapGrpcService<FakePointsService>();
        app.MapGrpcService<FakeHealthService>();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FakeQdrantServer(app, new Uri(address), store, faults);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
