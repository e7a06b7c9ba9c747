using Triage.OpenAiCompat;
using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace Triage.Drafting.Llm;

/// <summary>The official OpenAI client pointed at the configured endpoint, with our retry and Azure addressing.</summary>
internal static class ChatClientFactory
{
    public static OpenAIClient Create(LlmDrafterOptions o)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = ApiBase(o),
            // Per attempt; the draft's deadline bounds all of them together.
            NetworkTimeout = o.Deadline,
            RetryPolicy = new ChatRetryPolicy(o.MaxRetries, o.RetryBaseDelay),
            UserAgentApplicationId = "triage",
        };
        if (o.Kind == LlmEndpointKind.Azure)
        {
            options.AddPolicy(new AzureApiVersionPolicy(o.AzureApiVersion), PipelinePosition.PerCall);
        }

        // The AuthenticationPolicy overload is marked for evaluation (OPENAI001) in OpenAI 2.14, but it is the only one
        // that can send no key at all, or Azure's api-key header. OpenAI is pinned, so a change shows up as a build break.
#pragma warning disable OPENAI001
        return new OpenAIClient(Authentication(o), options);
#pragma warning restore OPENAI001
    }

    /// <summary>The client appends <c>/chat/completions</c> to this base, so a configured trailing slash would double it.</summary>
    private static Uri ApiBase(LlmDrafterOptions o)
    {
        var root = o.Endpoint!.AbsoluteUri.TrimEnd('/');
        return o.Kind == LlmEndpointKind.Azure
            ? new Uri($"{root}/openai/deployments/{Uri.EscapeDataString(o.Model.Trim())}")
            : new Uri(root);
    }

    private static AuthenticationPolicy Authentication(LlmDrafterOptions o)
    {
        if (o.ApiKey is null)
        {
            return new NoAuthenticationPolicy();
        }

        var key = new ApiKeyCredential(o.ApiKey);
        return o.Kind == LlmEndpointKind.Azure
            ? ApiKeyAuthenticationPolicy.CreateHeaderApiKeyPolicy(key, "api-key")
            : ApiKeyAuthenticationPolicy.CreateBearerAuthorizationPolicy(key);
    }
}
