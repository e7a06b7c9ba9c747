using Triage.Core.Privacy;
using Triage.Core.Text;
using Triage.Core.Tickets;

namespace Triage.Core.Intake;

/// <summary>
/// The steps every stage shares: normalize subject and body together, decide the language (a caller's
/// ko/en hint wins; anything else is detected), and redact personal data from the normalized text.
/// </summary>
public static class TicketPreparer
{
    public static PreparedTicket Prepare(Ticket ticket)
    {
        var text = TextNormalizer.Instance.Normalize(ticket.Subject, ticket.Body);
        var language = HintedLanguage(ticket.LanguageHint) ?? LanguageDetector.Detect(text.Text);
        return new PreparedTicket(ticket, text, language, PiiRedactor.Instance.Redact(text.Text));
    }

    private static string? HintedLanguage(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return null;
        }

        var primary = hint.Split('-', 2)[0].ToLowerInvariant();
        return primary is LanguageDetector.Korean or LanguageDetector.English ? primary : LanguageDetector.Other;
    }
}
