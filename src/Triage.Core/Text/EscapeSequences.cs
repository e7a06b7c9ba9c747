using System.Globalization;
using System.Text.RegularExpressions;

namespace Triage.Core.Text;

/// <summary>
/// Literal escapes such as <c>\u200b</c> or <c>\n</c> left by a helpdesk that JSON-encoded text twice.
/// They are decoded (and what they decode to is cleaned by the later steps).
/// </summary>
internal static partial class EscapeSequences
{
    [GeneratedRegex(@"\\u(?<hex>[0-9a-fA-F]{4})|\\(?<c>[nrt])", RegexOptions.CultureInvariant)]
    private static partial Regex Escape();

    public static string Decode(string text, ref NoiseKinds noise)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var found = false;
        var result = Escape().Replace(text, m =>
        {
            found = true;
            if (m.Groups["hex"].Success)
            {
                var code = int.Parse(m.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                // A lone surrogate half is not text; drop it rather than produce invalid UTF-16.
                return char.IsSurrogate((char)code) ? string.Empty : ((char)code).ToString();
            }

            return m.Groups["c"].Value switch
            {
                "n" => "\n",
                "r" => string.Empty,
                _ => " ",
            };
        });

        if (found)
        {
            noise |= NoiseKinds.EscapeSequences;
        }

        return result;
    }
}
