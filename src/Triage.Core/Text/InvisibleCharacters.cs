using System.Text;

namespace Triage.Core.Text;

/// <summary>
/// Zero-width characters, byte-order marks and exotic spaces: invisible to the customer who typed them,
/// but they split words for every tokenizer downstream.
/// </summary>
internal static class InvisibleCharacters
{
    public static bool IsZeroWidth(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF'
        or '\u180E' or '\u00AD' or '\u200E' or '\u200F' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E'
        or '\u2066' or '\u2067' or '\u2068' or '\u2069';

    /// <summary>No-break and typographic spaces that NFKC would map anyway; done here so the flag is set.</summary>
    public static bool IsOddSpace(char c) => c is '\u00A0' or '\u2007' or '\u202F' or '\u3000'
        || (c >= '\u2000' && c <= '\u200A');

    /// <summary>
    /// Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE) turn up as rendering debris in Korean
    /// text (see the noisy samples); NFKC would turn them into real Arabic letters, so they go first.
    /// </summary>
    public static bool IsPresentationDebris(char c) => (c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFE');

    public static string Clean(string text, ref NoiseKinds noise)
    {
        var needsWork = false;
        foreach (var c in text)
        {
            if (IsZeroWidth(c) || IsOddSpace(c) || IsPresentationDebris(c))
            {
                needsWork = true;
                break;
            }
        }

        if (!needsWork)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsZeroWidth(c))
            {
                noise |= NoiseKinds.InvisibleCharacters;
            }
            else if (IsPresentationDebris(c))
            {
                noise |= NoiseKinds.CompatibilityForms;
            }
            else if (IsOddSpace(c))
            {
                noise |= NoiseKinds.InvisibleCharacters;
                sb.Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
