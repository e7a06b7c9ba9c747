using System.Globalization;
using System.Text;

namespace Triage.Classifier.Features;

/// <summary>
/// The string the text featurizer reads, made from the normalized ticket text. ML.NET splits words on
/// spaces only, so punctuation is set apart ("refund?" and "refund" are one word) and every run of
/// digits becomes one "0" (order numbers and amounts say "a number is here", never which one).
/// Lower-casing is invariant so a Turkish server culture cannot change a model's features.
/// </summary>
public static class ModelText
{
    public static string Prepare(string normalizedText)
    {
        // One pass with a pending separator instead of padding symbols with spaces and splitting the
        // result again: the same string, without a rune-to-string allocation per character (this runs
        // on every classification).
        var builder = new StringBuilder(normalizedText.Length + 16);
        var separatorPending = false;
        var lastWasDigit = false;
        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in normalizedText.EnumerateRunes())
        {
            if (Rune.IsDigit(rune))
            {
                if (!lastWasDigit)
                {
                    Append(builder, "0", ref separatorPending);
                }

                lastWasDigit = true;
                continue;
            }

            lastWasDigit = false;
            if (Rune.IsWhiteSpace(rune))
            {
                separatorPending = true;
            }
            else if (rune.Value is '\'' or '\u2019')
            {
                // "can't" and "cant" are the same word to a customer in a hurry.
            }
            else if (Rune.IsLetter(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                var length = Rune.ToLowerInvariant(rune).EncodeToUtf16(utf16);
                Append(builder, utf16[..length], ref separatorPending);
            }
            else
            {
                // Punctuation and symbols stand alone, so "refund?" and "refund" are one word.
                separatorPending = true;
                var length = rune.EncodeToUtf16(utf16);
                Append(builder, utf16[..length], ref separatorPending);
                separatorPending = true;
            }
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, ReadOnlySpan<char> text, ref bool separatorPending)
    {
        if (separatorPending && builder.Length > 0)
        {
            builder.Append(' ');
        }

        separatorPending = false;
        builder.Append(text);
    }

    /// <summary>
    /// The prepared text's words that contain Hangul. Character n-grams exist to carry Korean, whose
    /// words ML.NET cannot split; over English they only repeat what the word n-grams say, at four
    /// times the cost per ticket.
    /// </summary>
    public static string HangulWords(string prepared)
    {
        // One pass over the words without splitting the string: this runs on every classification.
        var builder = new StringBuilder(prepared.Length);
        var span = prepared.AsSpan();
        while (!span.IsEmpty)
        {
            var space = span.IndexOf(' ');
            var word = space < 0 ? span : span[..space];
            if (!word.IsEmpty && HasHangul(word))
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(word);
            }

            span = space < 0 ? [] : span[(space + 1)..];
        }

        return builder.ToString();
    }

    private static bool HasHangul(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is >= '\uAC00' and <= '\uD7A3' or >= '\u3131' and <= '\u318E')
            {
                return true;
            }
        }

        return false;
    }
}
