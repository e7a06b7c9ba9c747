using System.Text;

namespace Triage.Core.Text;

/// <summary>
/// Unicode NFKC (full-width letters, ligatures, circled digits...), except for Hangul compatibility
/// jamo (ㅋㅋ, ㅠㅠ, ㄱㅅ): NFKC would turn them into conjoining jamo that look the same but no longer
/// match what people type, and can even fuse them into syllables ("ㅎㅏ" to "하").
/// </summary>
internal static class CompatibilityForms
{
    public static string Normalize(string text, ref NoiseKinds noise)
    {
        if (text.IsNormalized(NormalizationForm.FormKC))
        {
            return text;
        }

        var result = text.Any(IsCompatibilityJamo) ? NormalizeAroundJamo(text) : text.Normalize(NormalizationForm.FormKC);
        if (!string.Equals(result, text, StringComparison.Ordinal))
        {
            noise |= NoiseKinds.CompatibilityForms;
        }

        return result;
    }

    private static string NormalizeAroundJamo(string text)
    {

        var sb = new StringBuilder(text.Length);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsCompatibilityJamo(text[i]))
            {
                continue;
            }

            if (i > start)
            {
                sb.Append(text.AsSpan(start, i - start).ToString().Normalize(NormalizationForm.FormKC));
            }

            if (i < text.Length)
            {
                sb.Append(text[i]);
            }

            start = i + 1;
        }

        return sb.ToString();
    }

    private static bool IsCompatibilityJamo(char c) => c is >= '\u3131' and <= '\u318E';
}
