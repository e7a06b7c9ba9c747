namespace Triage.Retrieval.Qdrant;

/// <summary>Reads the version a Qdrant server reports in its health check, such as "1.12.4" or "1.13.0-dev".</summary>
internal static class QdrantServerVersion
{
    /// <summary>Points.Query, which the index searches with, arrived in 1.10.</summary>
    public static readonly Version MinimumForQuery = new(1, 10);

    /// <summary>Keyword payload indexes accept is_tenant from 1.11.</summary>
    public static readonly Version MinimumForTenantIndex = new(1, 11);

    public static Version? Parse(string? reported)
    {
        if (string.IsNullOrWhiteSpace(reported))
        {
            return null;
        }

        var text = reported.Trim().TrimStart('v', 'V');
        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        return Version.TryParse(text[..end].TrimEnd('.'), out var version) ? version : null;
    }
}
