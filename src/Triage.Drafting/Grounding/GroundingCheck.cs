using System.Text.RegularExpressions;
using Triage.Drafting.Composer;

namespace Triage.Drafting.Grounding;

/// <summary>
/// Checks each sentence of a model's draft against the ticket and the cited cases. A sentence that promises a refund or
/// compensation no cited case gave is removed whole (the promise is the sentence); an unsupported figure, date, web
/// address or phone number is replaced by a visible placeholder (<c>[금액]</c>, <c>[확인 필요]</c>) for the
/// representative to fill or delete, so the rest of the sentence survives.
/// </summary>
internal static partial class GroundingCheck
{
    [GeneratedRegex(@"(?<=[.!?。])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBoundary();

    public static (string Text, IReadOnlyList<UnsupportedClaim> Claims) Check(string draft, GroundingSources sources, ComposerPhrases phrases)
    {
        var claims = new List<UnsupportedClaim>();
        var lines = new List<string>();
        foreach (var line in draft.Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                lines.Add(line);
                continue;
            }

            var kept = new List<string>();
            foreach (var sentence in SentenceBoundary().Split(line))
            {
                if (CheckSentence(sentence, sources, phrases, claims) is { } checkedSentence)
                {
                    kept.Add(checkedSentence);
                }
            }

            if (kept.Count > 0)
            {
                lines.Add(string.Join(' ', kept));
            }
        }

        return (string.Join('\n', lines).Trim(), claims);
    }

    private static string? CheckSentence(string sentence, GroundingSources sources, ComposerPhrases phrases, List<UnsupportedClaim> claims)
    {
        if (!sources.RefundsGrounded && ClaimPatterns.RefundPromise().Match(sentence) is { Success: true } refund)
        {
            claims.Add(new UnsupportedClaim(ClaimKind.RefundPromise, refund.Value, sentence, SentenceRemoved: true));
            return null;
        }

        if (!sources.CompensationGrounded && ClaimPatterns.CompensationPromise().Match(sentence) is { Success: true } compensation)
        {
            claims.Add(new UnsupportedClaim(ClaimKind.CompensationPromise, compensation.Value, sentence, SentenceRemoved: true));
            return null;
        }

        var verify = phrases.Verify.Trim();
        var text = Replace(sentence, ClaimPatterns.Url(), ClaimKind.Url, sources.HasUrl, verify, claims);
        text = Replace(text, ClaimPatterns.Phone(), ClaimKind.Phone, sources.HasPhone, verify, claims);
        text = Replace(text, GroundingSources.Date(), ClaimKind.Date, sources.HasDate, phrases.Date, claims);
        return Replace(text, GroundingSources.Amount(), ClaimKind.Amount, sources.HasAmount, phrases.Amount, claims);
    }

    private static string Replace(string sentence, Regex pattern, ClaimKind kind, Func<string, bool> supported, string placeholder, List<UnsupportedClaim> claims) =>
        pattern.Replace(sentence, m =>
        {
            if (supported(m.Value))
            {
                return m.Value;
            }

            claims.Add(new UnsupportedClaim(kind, m.Value, sentence, SentenceRemoved: false));
            return placeholder;
        });
}
