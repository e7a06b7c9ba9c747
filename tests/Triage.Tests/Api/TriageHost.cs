using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Triage.Api.V1;

namespace Triage.Tests.Api;

/// <summary>The real service in process (TestServer), configured with <see cref="TestKeys"/>.</summary>
public sealed class TriageHost(bool withKeys = true) : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = withKeys ? new(TestKeys.Configuration()) : [];

    public TriageHost With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
    }

    public GrpcChannel Channel() => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
    {
        HttpHandler = Server.CreateHandler(),
        MaxReceiveMessageSize = 16 * 1024 * 1024,
        MaxSendMessageSize = 16 * 1024 * 1024,
    });

    public TriageService.TriageServiceClient Client(string? apiKey)
    {
        var invoker = Channel().CreateCallInvoker();
        return apiKey is null
            ? new TriageService.TriageServiceClient(invoker)
            : new TriageService.TriageServiceClient(invoker.Intercept(headers =>
            {
                headers.Add("x-api-key", apiKey);
                return headers;
            }));
    }
}
