using System.Net;
using System.Text.RegularExpressions;

namespace Triage.Core.Text;

/// <summary>
/// HTML tags and entities from web forms and HTML mail. Block tags become line breaks so sentences stay
/// apart; unknown entities (the noisy samples have <c>&amp;ZhansiZeroWidthSpace;</c>) are dropped.
/// Angle brackets that are not tags ("&lt;3", "a &lt; b", "&lt;주문번호&gt;") are left alone.
/// </summary>
internal static partial class HtmlRemnants
{
    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InvisibleBlock();

    [GeneratedRegex(@"</?(?<name>[a-zA-Z][a-zA-Z0-9]{0,10})(?:\s[^<>]{0,500})?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"&(?:[a-zA-Z][a-zA-Z0-9]{1,40}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});", RegexOptions.CultureInvariant)]
    private static partial Regex Entity();

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "pre", "section", "article",
    };

    public static string Clean(string text, ref NoiseKinds noise)
    {
        if (!text.Contains('<', StringComparison.Ordinal) && !text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        var found = false;
        var result = InvisibleBlock().Replace(text, _ =>
        {
            found = true;
            return " ";
        });
        result = Tag().Replace(result, m =>
        {
            found = true;
            return BlockTags.Contains(m.Groups["name"].Value) ? "\n" : " ";
        });
        result = Entity().Replace(result, m =>
        {
            var decoded = WebUtility.HtmlDecode(m.Value);
            found = true;
            // HtmlDecode returns unknown entities unchanged: those are debris, not words.
            return decoded == m.Value ? string.Empty : decoded;
        });

        if (found)
        {
            noise |= NoiseKinds.Html;
        }

        return result;
    }
}
