using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Triage.Retrieval.Embedding.Remote;

namespace Triage.Tests.Retrieval.Remote;

/// <summary>Misconfiguration stops start-up with a message naming the setting to fix.</summary>
public sealed class RemoteEmbeddingOptionsTests
{
    private const string S = RemoteEmbeddingOptions.Section;

    [Fact]
    public void Good_options_pass()
    {
        var result = new RemoteEmbeddingOptionsValidator().Validate(null, RemoteTestOptions.For(new Uri("http://localhost:11434/v1"), o => o.ApiKey = null));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Empty_options_name_every_required_setting()
    {
        var result = new RemoteEmbeddingOptionsValidator().Validate(null, new RemoteEmbeddingOptions());

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith($"{S}:Endpoint ", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith($"{S}:Model is required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith($"{S}:Dimensions is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Timeout")]
    [InlineData("MaxRetries")]
    [InlineData("RetryBaseDelay")]
    [InlineData("MaxBatchSize")]
    [InlineData("ApiKey")]
    [InlineData("Kind")]
    public void Each_bad_setting_is_named(string setting)
    {
        var options = RemoteTestOptions.For(new Uri("https://api.openai.com/v1"), o =>
        {
            switch (setting)
            {
                case "Timeout": o.Timeout = TimeSpan.Zero; break;
                case "MaxRetries": o.MaxRetries = -1; break;
                case "RetryBaseDelay": o.RetryBaseDelay = TimeSpan.FromSeconds(10); o.RetryMaxDelay = TimeSpan.FromSeconds(1); break;
                case "MaxBatchSize": o.MaxBatchSize = 0; break;
                case "ApiKey": o.ApiKey = null; break;
                case "Kind": o.Kind = (RemoteEmbeddingKind)7; break;
            }
        });

        var failure = Assert.Single(new RemoteEmbeddingOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith($"{S}:{setting} ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_azure_deployment_needs_the_resource_root_and_a_key()
    {
        var options = RemoteTestOptions.For(new Uri("https://acme.openai.azure.com/openai/deployments/x"), o =>
        {
            o.Kind = RemoteEmbeddingKind.AzureDeployment;
            o.ApiKey = null;
        });

        var failures = new RemoteEmbeddingOptionsValidator().Validate(null, options).Failures!;

        Assert.Contains(failures, f => f.StartsWith($"{S}:Endpoint must be the Azure OpenAI resource root", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith($"{S}:ApiKey is required", StringComparison.Ordinal));
    }

    [Fact]
    public void The_factory_refuses_bad_options_with_the_same_messages()
    {
        var e = Assert.Throws<OptionsValidationException>(() => RemoteEmbeddingFactory.Create(new RemoteEmbeddingOptions { Endpoint = new Uri("http://localhost:11434/v1") }));

        Assert.Contains($"{S}:Dimensions is required", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_validates_on_first_use_and_exposes_the_generator()
    {
        using var bad = new ServiceCollection().AddRemoteEmbeddingGenerator(o => o.Endpoint = new Uri("http://localhost:11434/v1")).BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Contains($"{S}:Model is required", e.Message, StringComparison.Ordinal);

        using var good = new ServiceCollection()
            .AddRemoteEmbeddingGenerator(o =>
            {
                o.Endpoint = new Uri("http://localhost:11434/v1");
                o.Model = "bge-m3";
                o.Dimensions = 1024;
            })
            .BuildServiceProvider();
        var generator = good.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.Same(good.GetRequiredService<RemoteEmbeddingGenerator>(), generator);
        Assert.Equal("openai:bge-m3@localhost-d1024", good.GetRequiredService<RemoteEmbeddingGenerator>().Info.Id);
    }
}
