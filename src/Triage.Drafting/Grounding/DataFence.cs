using System.Text.RegularExpressions;
using Triage.Core.Privacy;

namespace Triage.Drafting.Grounding;

/// <summary>
/// Prepares text that goes into the prompt as data. Angle brackets are swapped for look-alikes so no ticket or case can
/// close its delimiter (<c>&lt;/ticket&gt;</c>) or open a chat message of its own; case texts are redacted again and
/// their placeholders renamed to <c>[OTHER_PHONE]</c>, because their numbering (<c>[PHONE_1]</c>) would otherwise collide
/// with the ticket's and be "restored" to this customer's data; lengths are capped to keep the prompt bounded.
/// </summary>
internal static partial class DataFence
{
    public const int MaxTicketChars = 6_000;
    public const int MaxCaseChars = 1_500;

    [GeneratedRegex(@"\[(EMAIL|PHONE|RRN|CARD|ACCOUNT)_\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedPlaceholder();

    public static string Ticket(string redacted) => Fence(redacted, MaxTicketChars);

    public static string Case(string text)
    {
        var redacted = PiiRedactor.Instance.Redact(text).Text;
        return Fence(NumberedPlaceholder().Replace(redacted, "[OTHER_$1]"), MaxCaseChars);
    }

    private static string Fence(string text, int max)
    {
        var fenced = text.Replace('<', '‹').Replace('>', '›').Trim();
        return fenced.Length <= max ? fenced : fenced[..max] + "…";
    }
}
