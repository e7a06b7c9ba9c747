namespace Triage.Classifier.Data;

/// <summary>The identity of a text for de-duplication and leak checks: normalized, lower-cased, single-spaced.</summary>
public static class TextKey
{
    public static string Of(string normalizedText) =>
        string.Join(' ', normalizedText.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
