using System.Text.RegularExpressions;

namespace Triage.Drafting.Grounding;

/// <summary>
/// Keeps the output a customer reply: the prompt's delimiters, chat-message tags and code fences a model may echo are
/// dropped, and blank runs collapsed. What is left is plain prose for the representative to edit.
/// </summary>
internal static partial class ReplyFormat
{
    [GeneratedRegex(@"^\s*(?:</?(?:ticket|cases?|message)\b[^>]*>\s*)+$|^\s*```\w*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex MarkupLine();

    [GeneratedRegex(@"</?(?:ticket|cases?|message)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineMarkup();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex BlankRuns();

    public static string Clean(string raw)
    {
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        text = MarkupLine().Replace(text, string.Empty);
        text = InlineMarkup().Replace(text, string.Empty);
        return BlankRuns().Replace(text, "\n\n").Trim();
    }
}
