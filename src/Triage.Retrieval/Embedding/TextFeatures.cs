using System.Text;

namespace Triage.Retrieval.Embedding;

/// <summary>
/// The features a ticket is embedded from: word unigrams and character 2-4-grams inside words
/// (with boundary marks), hashed. Character n-grams carry Korean, where one word takes many endings
/// (환불이, 환불을, 환불해) and spacing is unreliable; words carry English.
/// </summary>
internal static class TextFeatures
{
    public const int MinGram = 2;
    public const int MaxGram = 4;

    /// <summary>Calls <paramref name="emit"/> with each feature's 64-bit hash, once per occurrence.</summary>
    public static void Extract(string normalizedText, Action<ulong> emit)
    {
        var lower = normalizedText.ToLowerInvariant();
        var word = new StringBuilder(32);
        foreach (var c in lower.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                EmitWord(word.ToString(), emit);
                word.Clear();
            }
        }
    }

    private static void EmitWord(string word, Action<ulong> emit)
    {
        // Pure digit runs (order numbers, amounts) say nothing about what a ticket is about.
        if (word.All(char.IsAsciiDigit))
        {
            return;
        }

        emit(Hash("w:", word));
        var marked = "<" + word + ">";
        for (var n = MinGram; n <= MaxGram; n++)
        {
            for (var i = 0; i + n <= marked.Length; i++)
            {
                emit(Hash("c:", marked.AsSpan(i, n)));
            }
        }
    }

    /// <summary>The hash under which a whole word is counted (for looking up its IDF).</summary>
    public static ulong WordHash(string lowerCaseWord) => Hash("w:", lowerCaseWord);

    /// <summary>FNV-1a over the prefix and the characters: stable across processes and platforms.</summary>
    private static ulong Hash(string prefix, ReadOnlySpan<char> s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in prefix)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        foreach (var c in s)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }
}
