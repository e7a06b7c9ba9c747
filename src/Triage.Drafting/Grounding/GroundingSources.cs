using System.Globalization;
using System.Text.RegularExpressions;
using Triage.Core.Drafting;
using Triage.Drafting.Composer;

namespace Triage.Drafting.Grounding;

/// <summary>
/// What a draft may state: the figures, dates, addresses and numbers found in the ticket or the cited cases, and the
/// kinds of promise the cited cases' replies made. Figures compare by value, so 50,000원, 50000원 and 5만원 agree.
/// </summary>
internal sealed class GroundingSources
{
    private readonly HashSet<decimal> _numbers = [];
    private readonly HashSet<(int Month, int Day)> _dates = [];
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];

    public GroundingSources(string ticket, IEnumerable<GroundingCase> cited)
    {
        var replies = new List<string>();
        _texts.Add(ticket);
        foreach (var c in cited)
        {
            _texts.Add(c.Case.Subject);
            _texts.Add(c.Case.Body);
            _texts.Add(c.Case.Reply);
            replies.Add(c.Case.Reply);
        }

        foreach (var text in _texts)
        {
            foreach (Match m in ClaimPatterns.Number().Matches(text))
            {
                if (ValueOf(m.Value) is { } v)
                {
                    _numbers.Add(v);
                }
            }

            foreach (Match m in ClaimPatterns.DateParts().Matches(text))
            {
                _dates.Add(DateOf(m));
            }

            foreach (Match m in ClaimPatterns.Phone().Matches(text))
            {
                _phones.Add(Digits(m.Value));
            }
        }

        RefundsGrounded = replies.Any(r => ClaimPatterns.RefundTopic().IsMatch(r));
        CompensationGrounded = replies.Any(r => ClaimPatterns.CompensationTopic().IsMatch(r));
    }

    public bool RefundsGrounded { get; }

    public bool CompensationGrounded { get; }

    public bool HasAmount(string amount)
    {
        var number = ClaimPatterns.Number().Match(amount);
        return number.Success && ValueOf(number.Value) is { } v && _numbers.Contains(v);
    }

    public bool HasDate(string date)
    {
        var m = ClaimPatterns.DateParts().Match(date);
        return m.Success && _dates.Contains(DateOf(m));
    }

    public bool HasPhone(string phone) => _phones.Contains(Digits(phone));

    public bool HasUrl(string url)
    {
        var wanted = url.TrimEnd('/', '.', ',', ';', ':', '!', '?');
        return _texts.Any(t => t.Contains(wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static decimal? ValueOf(string number)
    {
        var tenThousands = number.Contains('만', StringComparison.Ordinal);
        var digits = number.Replace(",", "", StringComparison.Ordinal).Replace("만", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? (tenThousands ? v * 10_000 : v) : null;
    }

    private static (int, int) DateOf(Match m) =>
        (int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));

    private static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    /// <summary>The composer's amount pattern: the same notion of a figure for both drafters.</summary>
    public static Regex Amount() => CaseDetailScrubber.Amount();

    public static Regex Date() => CaseDetailScrubber.Date();
}
