using Microsoft.Extensions.Options;

namespace Triage.Retrieval.Embedding.Remote;

/// <summary>Fails start-up with a message naming the setting to fix, rather than failing on the first ticket.</summary>
public sealed class RemoteEmbeddingOptionsValidator : IValidateOptions<RemoteEmbeddingOptions>
{
    public const int MaxDimensions = 65_536;

    public ValidateOptionsResult Validate(string? name, RemoteEmbeddingOptions options)
    {
        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>For callers that build the options by hand rather than through the options pipeline.</summary>
    public static void ThrowIfInvalid(RemoteEmbeddingOptions options)
    {
        var result = new RemoteEmbeddingOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(RemoteEmbeddingOptions), result.Failures);
        }
    }

    private static IEnumerable<string> Problems(RemoteEmbeddingOptions o)
    {
        const string s = RemoteEmbeddingOptions.Section;
        var azure = o.Kind == RemoteEmbeddingKind.AzureDeployment;
        if (o.Endpoint is null || !o.Endpoint.IsAbsoluteUri || (o.Endpoint.Scheme != Uri.UriSchemeHttp && o.Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{s}:Endpoint must be an absolute http:// or https:// URL of the API, such as https://api.openai.com/v1 or http://localhost:11434/v1.";
        }
        else if (azure && o.Endpoint.AbsolutePath.Trim('/').Length > 0)
        {
            yield return $"{s}:Endpoint must be the Azure OpenAI resource root (https://{{resource}}.openai.azure.com) when {s}:Kind is AzureDeployment; the deployment path is built from {s}:Model.";
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
            yield return $"{s}:Model is required: the embedding model's name (or the Azure deployment's name), such as text-embedding-3-small or bge-m3.";
        }

        if (o.Dimensions is < 1 or > MaxDimensions)
        {
            yield return $"{s}:Dimensions is required: the vector size the case index is created with, between 1 and {MaxDimensions} (text-embedding-3-small gives 1536, bge-m3 1024).";
        }

        if (!Enum.IsDefined(o.Kind))
        {
            yield return $"{s}:Kind must be OpenAI or AzureDeployment.";
        }

        if (azure && string.IsNullOrWhiteSpace(o.AzureApiVersion))
        {
            yield return $"{s}:AzureApiVersion is required when {s}:Kind is AzureDeployment, such as 2024-10-21.";
        }

        if (o.Timeout <= TimeSpan.Zero || o.Timeout > TimeSpan.FromMinutes(5))
        {
            yield return $"{s}:Timeout must be between 0 and 5 minutes (default 00:00:10).";
        }

        if (o.MaxRetries is < 0 or > 10)
        {
            yield return $"{s}:MaxRetries must be between 0 and 10 (default 3).";
        }

        if (o.RetryBaseDelay < TimeSpan.Zero || o.RetryMaxDelay < o.RetryBaseDelay || o.RetryMaxDelay > TimeSpan.FromMinutes(1))
        {
            yield return $"{s}:RetryBaseDelay must be at least 0 and at most {s}:RetryMaxDelay, which must be at most 1 minute.";
        }

        if (o.MaxBatchSize is < 1 or > 2048)
        {
            yield return $"{s}:MaxBatchSize must be between 1 and 2048 (default 128).";
        }
    }

    private static bool KnownToNeedKey(Uri? endpoint)
    {
        var host = endpoint?.IsAbsoluteUri == true ? endpoint.Host.ToLowerInvariant() : "";
        return host == "api.openai.com" || host.EndsWith(".openai.azure.com", StringComparison.Ordinal);
    }
}
