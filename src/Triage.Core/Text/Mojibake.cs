using System.Text;
using System.Text.RegularExpressions;

namespace Triage.Core.Text;

/// <summary>
/// Lines that are encoding damage rather than words. UTF-8 read as Windows-1252 ("ì£¼ë¬¸") is repaired;
/// lines of accented-Latin debris ("ĸÄÅÀÅÀÀÀÄÀ") and lines of Hangul syllables that no one types
/// ("값뜠볼늝원요.") are dropped. The Hangul test uses KS X 1001 (EUC-KR), which holds the 2,350
/// syllables of ordinary Korean writing; random byte damage lands mostly outside it.
/// </summary>
internal static partial class Mojibake
{
    private static readonly Encoding Windows1252;
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly bool[] CommonSyllables = new bool['\uD7A3' - '\uAC00' + 1];

    /// <summary>Syllables outside KS X 1001 that people really type (common misspellings, internet slang).</summary>
    private const string TypedOutsideKsX1001 = "됬봣줫됌됀뭥힣큥헿잌읭쀍쉣똠햏뷁쌰뀨꺅욬앜넴쨰섀얜걔쟤먀햐샤퓨";

    static Mojibake()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var eucKr = Encoding.GetEncoding(51949, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
        Span<byte> buffer = stackalloc byte[8];
        for (var c = '\uAC00'; c <= '\uD7A3'; c++)
        {
            // KS X 1001 syllables encode to two bytes; the rest fall back to a single '?'.
            CommonSyllables[c - '\uAC00'] = eucKr.GetBytes([c], buffer) == 2;
        }

        foreach (var c in TypedOutsideKsX1001)
        {
            CommonSyllables[c - '\uAC00'] = true;
        }
    }

    [GeneratedRegex(@"[ÃÂâêëìíîïðí][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]", RegexOptions.CultureInvariant)]
    private static partial Regex Utf8AsWindows1252Pair();

    /// <summary>What remains of a <c>\uXXXX</c> escape whose backslash was lost, glued to Hangul.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])u[0-9a-f]{3,4}(?=[가-힣])", RegexOptions.CultureInvariant)]
    private static partial Regex EscapeRemnant();

    /// <summary>
    /// Repairs UTF-8 that was decoded as Latin-1/Windows-1252. Runs before every other step: cleaning
    /// no-break spaces or soft hyphens first would destroy the very bytes the repair needs.
    /// </summary>
    public static string Repair(string text, ref NoiseKinds noise)
    {
        if (Utf8AsWindows1252Pair().Count(text) < 2)
        {
            return text;
        }

        var lines = text.Split('\n');
        var changed = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var repaired = TryRepair(lines[i]);
            changed |= !ReferenceEquals(repaired, lines[i]);
            lines[i] = repaired;
        }

        if (!changed)
        {
            return text;
        }

        noise |= NoiseKinds.Mojibake;
        return string.Join('\n', lines);
    }

    /// <summary>Drops lines that are encoding debris rather than words.</summary>
    public static string DropDebris(string text, ref NoiseKinds noise)
    {
        var lines = text.Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            if (IsDebris(line))
            {
                noise |= NoiseKinds.Mojibake;
                continue;
            }

            kept.Add(line);
        }

        return kept.Count == lines.Length ? text : string.Join('\n', kept);
    }

    private static string TryRepair(string line)
    {
        if (Utf8AsWindows1252Pair().Count(line) < 2)
        {
            return line;
        }

        try
        {
            // Latin-1 when every character fits in a byte (C1 controls included), else the Windows-1252 view.
            var bytes = line.All(c => c <= '\u00FF') ? Encoding.Latin1.GetBytes(line) : Windows1252.GetBytes(line);
            var decoded = StrictUtf8.GetString(bytes);
            return decoded.Any(c => c is >= '\uAC00' and <= '\uD7A3' || c > '\u024F') ? decoded : line;
        }
        catch (EncoderFallbackException)
        {
            return line;
        }
        catch (DecoderFallbackException)
        {
            return line;
        }
    }

    internal static bool IsDebris(string line)
    {
        int letters = 0, accented = 0, syllables = 0, rare = 0;
        foreach (var c in line)
        {
            if (c is >= '\uAC00' and <= '\uD7A3')
            {
                letters++;
                syllables++;
                if (!IsCommonSyllable(c))
                {
                    rare++;
                }
            }
            else if (char.IsLetter(c))
            {
                letters++;
                if (c is >= '\u00C0' and <= '\u024F')
                {
                    accented++;
                }
            }
        }

        if (accented >= 4 && accented >= letters * 0.6)
        {
            return true;
        }

        if (syllables == 0)
        {
            return false;
        }

        return (rare >= 2 && rare >= syllables * 0.2) || (rare >= 1 && EscapeRemnant().IsMatch(line));
    }

    private static bool IsCommonSyllable(char c) => CommonSyllables[c - '\uAC00'];
}
