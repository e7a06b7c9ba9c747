using Triage.Retrieval.Embedding;

namespace Triage.Retrieval.Search;

/// <summary>
/// Why a case matched, in words: the terms the ticket and the case share, rarest first (by the corpus
/// IDF), so "세금계산서" shows rather than "주문".
/// </summary>
public sealed class KeyTerms(IdfTable idf)
{
    public IReadOnlyList<string> Shared(string ticketText, string caseText, int max = 5)
    {
        var caseWords = Words(caseText).ToHashSet(StringComparer.Ordinal);
        var caseStems = caseWords.Select(Stem).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return Words(ticketText).Distinct(StringComparer.Ordinal)
            .Where(w => caseWords.Contains(w) || (Stem(w) is { } stem && caseStems.Contains(stem)))
            .OrderByDescending(w => idf[TextFeatures.WordHash(w)])
            .ThenBy(w => w, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }

    /// <summary>Korean words carry their endings (환불을, 환불이): two words share a stem when they share their first two syllables.</summary>
    private static string? Stem(string word) =>
        word.Length >= 2 && word[0] >= '\uAC00' && word[0] <= '\uD7A3' ? word[..2] : null;

    internal static IEnumerable<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.StartsWith('[')) // redaction placeholders are not terms
            .Select(w => new string(w.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length >= 2 && !w.All(char.IsAsciiDigit));
}
