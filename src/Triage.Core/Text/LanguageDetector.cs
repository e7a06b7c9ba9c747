namespace Triage.Core.Text;

/// <summary>
/// Tells Korean, English and anything else apart by script and, for Latin text, by English function
/// words. Enough for routing (which model features, which reply language); not a general identifier.
/// </summary>
public static class LanguageDetector
{
    public const string Korean = "ko";
    public const string English = "en";
    public const string Other = "other";

    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "and", "or", "to", "of", "in", "on", "for", "is", "are", "was", "were", "it", "my", "i",
        "you", "your", "me", "we", "our", "this", "that", "with", "have", "has", "not", "no", "can", "please",
        "order", "be", "do", "did", "at", "from", "hi", "hello", "thanks", "but", "still", "how", "what", "when",
    };

    private static readonly HashSet<string> OtherLatinWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "el", "la", "los", "las", "de", "que", "y", "en", "por", "para", "una", "der", "die", "das", "und", "ist",
        "nicht", "ich", "le", "les", "des", "et", "est", "pas", "je", "une", "dans", "il", "che", "di", "non", "o", "um",
        "não", "com", "uma", "het", "een", "niet", "ik",
    };

    public static string Detect(string text)
    {
        int hangul = 0, latin = 0, otherLetters = 0;
        foreach (var c in text)
        {
            if (c is >= '\uAC00' and <= '\uD7A3' or >= '\u3131' and <= '\u318E' or >= '\u1100' and <= '\u11FF')
            {
                hangul++;
            }
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '\u00C0' and <= '\u024F')
            {
                latin++;
            }
            else if (char.IsLetter(c))
            {
                otherLetters++;
            }
        }

        var letters = hangul + latin + otherLetters;
        if (letters == 0)
        {
            return Other;
        }

        // Korean tickets are full of English product names and codes, and a syllable carries two to
        // three Latin letters' worth of text: Hangul counts 2.5 times against the other letters.
        if (hangul >= 2 && hangul * 5 >= (latin + otherLetters) * 2)
        {
            return Korean;
        }

        if (latin * 2 < letters)
        {
            return Other;
        }

        return LooksEnglish(text) ? English : Other;
    }

    private static bool LooksEnglish(string text)
    {
        int english = 0, other = 0, words = 0;
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = token.Trim('.', ',', '!', '?', ':', ';', '"', '\'', '(', ')');
            if (word.Length == 0)
            {
                continue;
            }

            words++;
            if (EnglishWords.Contains(word))
            {
                english++;
            }
            else if (OtherLatinWords.Contains(word))
            {
                other++;
            }
        }

        // Short Latin text ("refund pls", an order code) is English by default: that is what our users write.
        return words < 4 || english >= other;
    }
}
