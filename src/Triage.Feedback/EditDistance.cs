namespace Triage.Feedback;

/// <summary>
/// Levenshtein distance in UTF-16 code units (Korean syllables are one unit each), with two rows of
/// memory. The common prefix and suffix are set aside first, which is exact and makes the usual small
/// edit of a long reply cheap; what remains is compared up to <c>maxLength</c> units and the rest
/// counted as changed, so an oversized text gets an upper bound instead of an unbounded cost.
/// </summary>
public static class EditDistance
{
    public static int Levenshtein(string a, string b, int maxLength = 4000)
    {
        var x = a.AsSpan();
        var y = b.AsSpan();
        var prefix = x.CommonPrefixLength(y);
        x = x[prefix..];
        y = y[prefix..];
        var suffix = CommonSuffixLength(x, y);
        x = x[..^suffix];
        y = y[..^suffix];

        var overflow = 0;
        if (x.Length > maxLength || y.Length > maxLength)
        {
            overflow = Math.Max(Math.Max(x.Length - maxLength, 0), Math.Max(y.Length - maxLength, 0));
            x = x[..Math.Min(x.Length, maxLength)];
            y = y[..Math.Min(y.Length, maxLength)];
        }

        return Bounded(x, y) + overflow;
    }

    private static int Bounded(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        if (x.Length == 0 || y.Length == 0)
        {
            return x.Length + y.Length;
        }

        var previous = new int[y.Length + 1];
        var current = new int[y.Length + 1];
        for (var j = 0; j <= y.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= x.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= y.Length; j++)
            {
                var substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[y.Length];
    }

    private static int CommonSuffixLength(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        var n = 0;
        while (n < x.Length && n < y.Length && x[^(n + 1)] == y[^(n + 1)])
        {
            n++;
        }

        return n;
    }
}
