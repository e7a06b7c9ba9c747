using System.Text.RegularExpressions;

namespace Triage.Drafting.Composer;

/// <summary>
/// A reused resolution still names the other customer's specifics: their order number, amount, dates,
/// address, and the redaction placeholders of their contact details. Those are replaced by this ticket's own
/// value where the ticket states exactly one, and otherwise by a visible placeholder for the
/// representative (<c>[주문번호]</c>). Shop policy figures (배송비 6,000원, 3~5영업일) are kept. A sentence
/// about the other case's timeline ("오늘 오후 도착 예정") is kept but marked for the representative to verify.
/// </summary>
internal static partial class CaseDetailScrubber
{
    /// <summary>Order-like identifiers: ORD-88123, #552901, 20241103-0042781 (Hangul particles may follow: "…781는").</summary>
    [GeneratedRegex(@"(?<![\w-])(?:(?:ORD|ORDER|INV|NO)[-#]?\d{3,}|#\d{4,})(?![\d-])|(?<![\d-])\d{6,}(?:-\d{3,})?(?![\d-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex OrderNumber();

    /// <summary>Parcel numbers: digit groups joined by hyphens (6892-0013-5521), or any long number right after a tracking word.</summary>
    [GeneratedRegex(@"(?<![\d-])\d{3,5}-\d{3,5}-\d{3,5}(?![\d-])|(?<=(?:송장|운송장|tracking)\S*\s*(?:번호\s*)?)\d{8,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrackingNumber();

    /// <summary>
    /// Street addresses, which the redactor leaves alone (too varied to find in free text at intake) but
    /// which in a reused reply are always the other customer's: Korean apartment units (OO아파트 107동 803호,
    /// with the neighbourhood before it), road addresses (월드컵로 12, but not "택배로 2~3일" or "두 건으로 1건"),
    /// district and neighbourhood (마포구 합정동; two syllables at least, so 가구 이동 is furniture), and
    /// English house-number streets, flats and UK postcodes. Over the shipped cases' replies it finds
    /// addresses only.
    /// </summary>
    [GeneratedRegex(@"(?:[가-힣]{2,5}동\s+)?[가-힣A-Za-z0-9]+(?:아파트|빌라|오피스텔|맨션)(?:\s*\d+동)?(?:\s*\d+호)?|\d+동\s*\d+호|[가-힣]{2,10}(?<!으)(?:로|길)\s?\d+(?:-\d+)?(?![\d~.,-]|\s?(?:일|시|회|개|원|만|분|주|박|차|번째|영업|년|월|%))|[가-힣]{2,4}(?:구|군)\s+[가-힣]{2,4}(?:동|읍|면)|\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Court|Ct|Crescent|Boulevard|Blvd|Place|Pl)\b\.?|\b(?:Apt|Apartment|Flat|Unit|Suite)\.?\s+\w*\d\w*|\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b", RegexOptions.CultureInvariant)]
    public static partial Regex Address();

    /// <summary>Sentences about the other case's timeline ("오늘 오후 도착 예정") that may not hold for this ticket.</summary>
    [GeneratedRegex(@"(오늘|내일|어제|방금|금일|익일|\btoday\b|\btomorrow\b|\byesterday\b|\bthis (morning|afternoon|evening)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseTimeline();

    [GeneratedRegex(@"(?<![\w.,])(?:[$£€]\s?\d[\d,]*(?:\.\d{1,2})?|\d[\d,]*(?:\.\d+)?\s?(?:원|만\s?원|won|KRW|USD|EUR|GBP))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Amount();

    [GeneratedRegex(@"(?<!\d)(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}/\d{1,2}(?!\d)|\d{1,2}월\s?\d{1,2}일)", RegexOptions.CultureInvariant)]
    public static partial Regex Date();

    [GeneratedRegex(@"\[(?:EMAIL|PHONE|RRN|CARD|ACCOUNT)_\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex PersonalPlaceholder();

    [GeneratedRegex(@"(배송비|수수료|위약금|반품비|shipping|postage|fee|deposit)\S*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PolicyAmountContext();

    public static string Scrub(string sentence, TicketDetails ticket, ComposerPhrases phrases)
    {
        var text = PersonalPlaceholder().Replace(sentence, phrases.Contact);
        text = Address().Replace(text, phrases.Address);
        text = TrackingNumber().Replace(text, phrases.TrackingNumber);
        text = OrderNumber().Replace(text, _ => ticket.OrderNumber ?? phrases.OrderNumber);
        text = Date().Replace(text, phrases.Date);
        text = Amount().Replace(text, m =>
            PolicyAmountContext().IsMatch(text[..m.Index]) ? m.Value : ticket.Amount ?? phrases.Amount);
        return CaseTimeline().IsMatch(text) ? phrases.Verify + text : text;
    }
}
