using Microsoft.Extensions.Options;

namespace Triage.Drafting.Llm;

/// <summary>Fails start-up with a message naming the setting to fix, rather than degrading every draft silently.</summary>
public sealed class LlmDrafterOptionsValidator : IValidateOptions<LlmDrafterOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmDrafterOptions options)
    {
        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>For callers that build the options by hand rather than through the options pipeline.</summary>
    public static void ThrowIfInvalid(LlmDrafterOptions options)
    {
        var result = new LlmDrafterOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(LlmDrafterOptions), result.Failures);
        }
    }

    private static IEnumerable<string> Problems(LlmDrafterOptions o)
    {
        const string s = LlmDrafterOptions.Section;
        var azure = o.Kind == LlmEndpointKind.Azure;
        if (o.Endpoint is null || !o.Endpoint.IsAbsoluteUri || (o.Endpoint.Scheme != Uri.UriSchemeHttp && o.Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{s}:Endpoint must be an absolute http:// or https:// URL of the API, such as https://api.openai.com/v1 or http://localhost:11434/v1.";
        }
        else if (azure && o.Endpoint.AbsolutePath.Trim('/').Length > 0)
        {
            yield return $"{s}:Endpoint must be the Azure OpenAI resource root (https://{{resource}}.openai.azure.com) when {s}:Kind is Azure; the deployment path is built from {s}:Model.";
        }

        if (o.ApiKey is not null && string.IsNullOrWhiteSpace(o.ApiKey))
        {
            yield return $"{s}:ApiKey is blank: remove it for a server that takes no key, or set the key.";
        }
        else if (o.ApiKey is null && (azure || KnownToNeedKey(o.Endpoint)))
        {
            yield return $"{s}:ApiKey is required by {o.Endpoint?.Host ?? "Azure OpenAI"}.";
        }

        if (string.IsNullOrWhiteSpace(o.Model))
        {
            yield return $"{s}:Model is required: the chat model's name (or the Azure deployment's name), such as gpt-4o-mini or qwen2.5:7b.";
        }

        if (!Enum.IsDefined(o.Kind))
        {
            yield return $"{s}:Kind must be OpenAI or Azure.";
        }

        if (azure && string.IsNullOrWhiteSpace(o.AzureApiVersion))
        {
            yield return $"{s}:AzureApiVersion is required when {s}:Kind is Azure, such as 2024-10-21.";
        }

        if (o.Deadline <= TimeSpan.Zero || o.Deadline > TimeSpan.FromMinutes(2))
        {
            yield return $"{s}:Deadline must be between 0 and 2 minutes (default 00:00:08).";
        }

        if (o.MaxRetries is < 0 or > 5)
        {
            yield return $"{s}:MaxRetries must be between 0 and 5 (default 1).";
        }

        if (o.RetryBaseDelay < TimeSpan.Zero || o.RetryBaseDelay >= o.Deadline)
        {
            yield return $"{s}:RetryBaseDelay must be at least 0 and shorter than {s}:Deadline.";
        }

        if (o.MaxTokens is < 16 or > 16_384)
        {
            yield return $"{s}:MaxTokens must be between 16 and 16384 (default 800).";
        }

        if (double.IsNaN(o.Temperature) || o.Temperature is < 0 or > 2)
        {
            yield return $"{s}:Temperature must be between 0 and 2 (default 0.2).";
        }

        if (float.IsNaN(o.MinCaseScore) || o.MinCaseScore is < 0 or > 1)
        {
            yield return $"{s}:MinCaseScore must be between 0 and 1.";
        }

        if (o.MaxCases is < 1 or > 10)
        {
            yield return $"{s}:MaxCases must be between 1 and 10 (default 3).";
        }
    }

    private static bool KnownToNeedKey(Uri? endpoint)
    {
        var host = endpoint?.IsAbsoluteUri == true ? endpoint.Host.ToLowerInvariant() : "";
        return host == "api.openai.com" || host.EndsWith(".openai.azure.com", StringComparison.Ordinal);
    }
}
