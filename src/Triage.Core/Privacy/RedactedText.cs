namespace Triage.Core.Privacy;

/// <summary>
/// Text with personal data replaced by typed, numbered placeholders (<c>[PHONE_1]</c>). The same value
/// gets the same placeholder everywhere in the text, so a reply can refer to it and be restored later.
/// </summary>
public sealed record RedactedText(string Text, IReadOnlyList<PiiMatch> Matches)
{
    public bool HasPersonalData => Matches.Count > 0;

    public IEnumerable<PiiKind> Kinds => Matches.Select(m => m.Kind).Distinct();

    /// <summary>Puts the original values back wherever their placeholders appear in <paramref name="text"/>.</summary>
    public string Restore(string text)
    {
        foreach (var match in Matches.DistinctBy(m => m.Placeholder))
        {
            text = text.Replace(match.Placeholder, match.Value, StringComparison.Ordinal);
        }

        return text;
    }
}
