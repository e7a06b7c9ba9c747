using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Triage.Core.Classification;
using Triage.Tests.Serving;
using Triage.Api.V1;

namespace Triage.Tests.Api;

/// <summary>The real service in process (TestServer), configured with <see cref="TestKeys"/>.</summary>
/// <param name="fakeModels">Serve <see cref="FakeBundleLoader"/> bundles; false loads real ML.NET bundles.</param>
public sealed class TriageHost(bool withKeys = true, bool fakeModels = true) : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = withKeys ? new(TestKeys.Configuration()) : [];

    public TriageHost With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Where this host's active bundle lives: a fresh directory per host.</summary>
    public string FeedbackPath => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ModelPath))!, "feedback.db");

    public string ModelPath { get; } = Path.Combine(Directory.CreateTempSubdirectory("triage-model-").FullName, "active", "model.zip");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        _settings.TryAdd("Triage:Model:ActivePath", ModelPath);
        _settings.TryAdd("Triage:Model:PollInterval", "00:00:01");
        _settings.TryAdd("Triage:Index:Embedded:DataDirectory", Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ModelPath))!, "index"));
        _settings.TryAdd("Triage:Retrieval:SeedDirectory", "");
        _settings.TryAdd("Triage:Feedback:Path", Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ModelPath))!, "feedback.db"));
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        if (fakeModels)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<IModelBundleLoader, FakeBundleLoader>());
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        var root = Path.GetDirectoryName(Path.GetDirectoryName(ModelPath))!;
        if (disposing && Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
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
