using Triage.OpenAiCompat;
using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Embeddings;

namespace Triage.Retrieval.Embedding.Remote;

/// <summary>Builds the generator over the official OpenAI client, pointed at the configured endpoint.</summary>
public static class RemoteEmbeddingFactory
{
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options name the setting to fix.</exception>
    public static RemoteEmbeddingGenerator Create(RemoteEmbeddingOptions options)
    {
        RemoteEmbeddingOptionsValidator.ThrowIfInvalid(options);
        var settings = options.Snapshot();
        // The AuthenticationPolicy overload is marked for evaluation (OPENAI001) in OpenAI 2.14, but it is the only one
        // that can send no key at all, or Azure's api-key header, without rewriting headers by hand. OpenAI is pinned,
        // so a change to it shows up as a build break when the pin is moved.
#pragma warning disable OPENAI001
        var client = new EmbeddingClient(settings.Model, Authentication(settings), ClientOptions(settings));
#pragma warning restore OPENAI001
        var inner = client.AsIEmbeddingGenerator(settings.RequestDimensions ? settings.Dimensions : null);
        return new RemoteEmbeddingGenerator(inner, settings);
    }

    private static OpenAIClientOptions ClientOptions(RemoteEmbeddingOptions o)
    {
        var client = new OpenAIClientOptions
        {
            Endpoint = ApiBase(o),
            NetworkTimeout = o.Timeout,
            RetryPolicy = new EmbeddingRetryPolicy(o.MaxRetries, o.RetryBaseDelay, o.RetryMaxDelay),
            UserAgentApplicationId = "triage",
        };
        client.AddPolicy(new InputOrderPolicy(), PipelinePosition.PerCall);
        if (o.Kind == RemoteEmbeddingKind.AzureDeployment)
        {
            client.AddPolicy(new AzureApiVersionPolicy(o.AzureApiVersion), PipelinePosition.PerCall);
        }

        return client;
    }

    /// <summary>The client appends <c>/embeddings</c> to this base, so a configured trailing slash would double it.</summary>
    private static Uri ApiBase(RemoteEmbeddingOptions o)
    {
        var root = o.Endpoint!.AbsoluteUri.TrimEnd('/');
        return o.Kind == RemoteEmbeddingKind.AzureDeployment
            ? new Uri($"{root}/openai/deployments/{Uri.EscapeDataString(o.Model.Trim())}")
            : new Uri(root);
    }

    private static AuthenticationPolicy Authentication(RemoteEmbeddingOptions o)
    {
        if (o.ApiKey is null)
        {
            return new NoAuthenticationPolicy();
        }

        var key = new ApiKeyCredential(o.ApiKey);
        return o.Kind == RemoteEmbeddingKind.AzureDeployment
            ? ApiKeyAuthenticationPolicy.CreateHeaderApiKeyPolicy(key, "api-key")
            : ApiKeyAuthenticationPolicy.CreateBearerAuthorizationPolicy(key);
    }
}
