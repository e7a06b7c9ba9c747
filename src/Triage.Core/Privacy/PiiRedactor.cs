using System.Numerics;
using System.Text;

namespace Triage.Core.Privacy;

/// <summary>
/// Finds e-mail addresses, phone numbers, Korean resident registration numbers, payment cards and bank
/// accounts, and replaces each with a typed placeholder. Runs before any text is embedded, indexed,
/// logged in full or sent to an external model. Stateless and thread-safe.
/// </summary>
public sealed class PiiRedactor
{
    public static PiiRedactor Instance { get; } = new();

    public RedactedText Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new RedactedText(string.Empty, []);
        }

        var candidates = FindCandidates(text);
        if (candidates.Count == 0)
        {
            return new RedactedText(text, []);
        }

        // Earliest first, longest first at the same start; overlaps lose.
        candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var sb = new StringBuilder(text.Length);
        var matches = new List<PiiMatch>();
        var placeholders = new Dictionary<(PiiKind, string), string>();
        var counters = new Dictionary<PiiKind, int>();
        var cursor = 0;
        foreach (var (kind, start, length) in candidates)
        {
            if (start < cursor)
            {
                continue;
            }

            var value = text.Substring(start, length);
            var key = (kind, Canonical(value));
            if (!placeholders.TryGetValue(key, out var placeholder))
            {
                var n = counters[kind] = counters.GetValueOrDefault(kind) + 1;
                placeholder = $"[{Tag(kind)}_{n}]";
                placeholders[key] = placeholder;
            }

            sb.Append(text, cursor, start - cursor).Append(placeholder);
            matches.Add(new PiiMatch(kind, placeholder, value, start, length));
            cursor = start + length;
        }

        sb.Append(text, cursor, text.Length - cursor);
        return new RedactedText(sb.ToString(), matches);
    }

    public static string Tag(PiiKind kind) => kind switch
    {
        PiiKind.Email => "EMAIL",
        PiiKind.Phone => "PHONE",
        PiiKind.ResidentRegistrationNumber => "RRN",
        PiiKind.Card => "CARD",
        PiiKind.Account => "ACCOUNT",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static List<(PiiKind Kind, int Start, int Length)> FindCandidates(string text)
    {
        var found = new List<(PiiKind, int, int)>();
        var hasDigit = text.AsSpan().ContainsAnyInRange('0', '9');
        if (text.Contains('@', StringComparison.Ordinal))
        {
            foreach (var m in PiiPatterns.Email().EnumerateMatches(text))
            {
                found.Add((PiiKind.Email, m.Index, m.Length));
            }
        }

        if (!hasDigit)
        {
            return found;
        }

        foreach (var m in PiiPatterns.ResidentRegistrationNumber().EnumerateMatches(text))
        {
            found.Add((PiiKind.ResidentRegistrationNumber, m.Index, m.Length));
        }

        foreach (System.Text.RegularExpressions.Match m in PiiPatterns.ResidentRegistrationNumberByKeyword().Matches(text))
        {
            var g = m.Groups["num"];
            found.Add((PiiKind.ResidentRegistrationNumber, g.Index, g.Length));
        }

        foreach (var m in PiiPatterns.CardCandidate().EnumerateMatches(text))
        {
            var digits = DigitsOf(text.AsSpan(m.Index, m.Length));
            if (digits.Length is >= 13 and <= 19 && Luhn.IsValid(digits) && digits.AsSpan().ContainsAnyExcept('0'))
            {
                found.Add((PiiKind.Card, m.Index, m.Length));
            }
        }

        foreach (System.Text.RegularExpressions.Match m in PiiPatterns.AccountByKeyword().Matches(text))
        {
            var g = m.Groups["num"];
            found.Add((PiiKind.Account, g.Index, g.Length));
        }

        foreach (var m in PiiPatterns.IbanCandidate().EnumerateMatches(text))
        {
            if (IsValidIban(text.AsSpan(m.Index, m.Length)))
            {
                found.Add((PiiKind.Account, m.Index, m.Length));
            }
        }

        AddAll(found, PiiKind.Phone, PiiPatterns.KoreanMobile(), text);
        AddAll(found, PiiKind.Phone, PiiPatterns.KoreanLandline(), text);
        AddAll(found, PiiKind.Phone, PiiPatterns.InternationalPhone(), text);
        return found;
    }

    private static void AddAll(List<(PiiKind, int, int)> found, PiiKind kind, System.Text.RegularExpressions.Regex regex, string text)
    {
        foreach (var m in regex.EnumerateMatches(text))
        {
            found.Add((kind, m.Index, m.Length));
        }
    }

    private static string DigitsOf(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string Canonical(string value) =>
        value.Contains('@', StringComparison.Ordinal) ? value.ToLowerInvariant() : DigitsOf(value);

    /// <summary>ISO 13616 mod-97 check: move the first four characters to the end, letters to numbers.</summary>
    private static bool IsValidIban(ReadOnlySpan<char> candidate)
    {
        var compact = candidate.ToString().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (compact.Length is < 15 or > 34)
        {
            return false;
        }

        var rearranged = compact[4..] + compact[..4];
        var numeric = new StringBuilder();
        foreach (var c in rearranged)
        {
            numeric.Append(char.IsAsciiDigit(c) ? (c - '0').ToString() : (c - 'A' + 10).ToString());
        }

        return BigInteger.Parse(numeric.ToString()) % 97 == 1;
    }
}
