using Grpc.Net.Client;
using Triage.Api.V1;
using Triage.Tests.Serving;

namespace Triage.Tests.Api;

/// <summary>Development mode over a real socket: with no keys configured, loopback callers are served as tenant default.</summary>
public sealed class LoopbackTests : IDisposable
{
    private readonly TriageHost _host = new(withKeys: false);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task With_no_keys_a_loopback_caller_is_served_without_a_key()
    {
        await FakeBundleLoader.WriteAsync(_host.ModelPath, "fake-1");
        // Both configured endpoints on free loopback ports, speaking HTTP/2 so either address serves gRPC.
        _host.With("Kestrel:Endpoints:Grpc:Url", "http://127.0.0.1:0")
            .With("Kestrel:Endpoints:Json:Url", "http://127.0.0.1:0")
            .With("Kestrel:Endpoints:Json:Protocols", "Http2");
        _host.UseKestrel();
        _host.StartServer();
        using var channel = GrpcChannel.ForAddress(_host.ClientOptions.BaseAddress);
        var client = new TriageService.TriageServiceClient(channel);

        var answer = await client.ClassifyTicketAsync(Tickets.Classify());

        Assert.Equal("fake-1", answer.ModelVersion);
        Assert.Equal("127.0.0.1", _host.ClientOptions.BaseAddress.Host);
    }
}
