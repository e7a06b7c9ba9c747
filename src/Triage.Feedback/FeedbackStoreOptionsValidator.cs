using Microsoft.Extensions.Options;

namespace Triage.Feedback;

/// <summary>Fails start-up with a message naming the setting, rather than the first review failing later.</summary>
internal sealed class FeedbackStoreOptionsValidator : IValidateOptions<FeedbackStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedbackStoreOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IEnumerable<string> Problems(FeedbackStoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            yield return $"{FeedbackStoreOptions.Section}:Path is empty: set it to the SQLite file, e.g. data/feedback.db.";
        }
        else if (options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0 || options.Path.Contains(';', StringComparison.Ordinal))
        {
            yield return $"{FeedbackStoreOptions.Section}:Path '{options.Path}' has characters a file path cannot have.";
        }
        else if (Directory.Exists(options.Path))
        {
            yield return $"{FeedbackStoreOptions.Section}:Path '{options.Path}' is a directory: name the database file inside it.";
        }

        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromMinutes(5))
        {
            yield return $"{FeedbackStoreOptions.Section}:BusyTimeout must be between 0 and 5 minutes (is {options.BusyTimeout}).";
        }

        if (options.EditDistanceMaxLength is < 100 or > 50_000)
        {
            yield return $"{FeedbackStoreOptions.Section}:EditDistanceMaxLength must be between 100 and 50000 (is {options.EditDistanceMaxLength}).";
        }
    }
}
