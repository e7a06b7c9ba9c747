using System.Text.RegularExpressions;

namespace Triage.Drafting.Composer;

/// <summary>Splits replies into sentences, for Korean (다./요./죠.) and English punctuation alike.</summary>
internal static partial class Sentences
{
    [GeneratedRegex(@"(?<=[.!?。])\s+|\n+", RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();

    public static IEnumerable<string> Split(string text) =>
        Boundary().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);
}
