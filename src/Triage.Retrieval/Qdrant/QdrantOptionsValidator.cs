using Microsoft.Extensions.Options;

namespace Triage.Retrieval.Qdrant;

/// <summary>Fails start-up with a message naming the setting to fix, instead of failing at the first call.</summary>
public sealed class QdrantOptionsValidator : IValidateOptions<QdrantOptions>
{
    private const int MaxCollectionNameLength = 255;

    public ValidateOptionsResult Validate(string? name, QdrantOptions options)
    {
        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>For callers that build the options by hand rather than through the options pipeline.</summary>
    public static void ThrowIfInvalid(QdrantOptions options)
    {
        var result = new QdrantOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(QdrantOptions), result.Failures);
        }
    }

    private static IEnumerable<string> Problems(QdrantOptions o)
    {
        const string s = QdrantOptions.Section;
        if (o.Address is null || !o.Address.IsAbsoluteUri || (o.Address.Scheme != Uri.UriSchemeHttp && o.Address.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{s}:Address must be an absolute http:// or https:// URI of Qdrant's gRPC port, such as http://qdrant:6334.";
        }

        if (o.ApiKey is not null && string.IsNullOrWhiteSpace(o.ApiKey))
        {
            yield return $"{s}:ApiKey is blank: remove it, or set the key the Qdrant server was started with.";
        }

        if (string.IsNullOrWhiteSpace(o.Collection) || o.Collection.Length > MaxCollectionNameLength
            || o.Collection.IndexOfAny(['/', '\\', '\0', ' ']) >= 0)
        {
            yield return $"{s}:Collection must be 1 to {MaxCollectionNameLength} characters without slashes or spaces, such as triage_cases.";
        }

        if (o.Deadline <= TimeSpan.Zero || o.Deadline > TimeSpan.FromMinutes(5))
        {
            yield return $"{s}:Deadline must be between 0 and 5 minutes (default 00:00:05).";
        }

        if (o.UpsertBatchSize is < 1 or > 10_000)
        {
            yield return $"{s}:UpsertBatchSize must be between 1 and 10000 (default 256).";
        }

        if (o.MaxRetries is < 0 or > 10)
        {
            yield return $"{s}:MaxRetries must be between 0 and 10 (default 3).";
        }

        if (o.RetryBaseDelay < TimeSpan.Zero || o.RetryMaxDelay < o.RetryBaseDelay || o.RetryMaxDelay > TimeSpan.FromMinutes(1))
        {
            yield return $"{s}:RetryBaseDelay must be at least 0 and at most {s}:RetryMaxDelay, which must be at most 1 minute.";
        }

        if (o.ReplicationFactor == 0 || o.WriteConsistencyFactor == 0 || o.WriteConsistencyFactor > (o.ReplicationFactor ?? 1))
        {
            yield return $"{s}:ReplicationFactor and {s}:WriteConsistencyFactor must be at least 1, and the latter no more than the former.";
        }
    }
}
