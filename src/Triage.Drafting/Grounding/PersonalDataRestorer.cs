using System.Text;
using System.Text.RegularExpressions;
using Triage.Core.Privacy;

namespace Triage.Drafting.Grounding;

/// <summary>
/// Puts the customer's own details back into a draft: only the ticket's placeholders, from the ticket's own redaction.
/// Every other placeholder (another customer's <c>[OTHER_PHONE]</c>, the filter's <c>[REDACTED_EMAIL]</c>, a number the
/// model made up) becomes the visible <c>[고객 연락처]</c> the representative fills in.
/// </summary>
internal static partial class PersonalDataRestorer
{
    [GeneratedRegex(@"\[(?:(?:OTHER|REDACTED)_)?(?:EMAIL|PHONE|RRN|CARD|ACCOUNT)(?:_\d+)?\]", RegexOptions.CultureInvariant)]
    private static partial Regex AnyPlaceholder();

    public static string Restore(string text, RedactedText ticket, string visiblePlaceholder) =>
        AnyPlaceholder().Replace(ticket.Restore(text), visiblePlaceholder);

    /// <summary>
    /// The streamed form: a placeholder may arrive split across deltas (<c>[PHO</c> + <c>NE_1]</c>), so text from an
    /// unclosed bracket is held back until it closes or grows too long to be a placeholder.
    /// </summary>
    public sealed class Stream(RedactedText ticket, string visiblePlaceholder)
    {
        private const int LongestPlaceholder = 24;
        private readonly StringBuilder _pending = new();

        public string Push(string delta)
        {
            _pending.Append(delta);
            var text = _pending.ToString();
            var open = text.LastIndexOf('[');
            var cut = open >= 0 && text.IndexOf(']', open) < 0 && text.Length - open < LongestPlaceholder ? open : text.Length;
            _pending.Clear().Append(text, cut, text.Length - cut);
            return cut == 0 ? string.Empty : Restore(text[..cut], ticket, visiblePlaceholder);
        }

        public string Flush()
        {
            var rest = _pending.ToString();
            _pending.Clear();
            return Restore(rest, ticket, visiblePlaceholder);
        }
    }
}
