using System.Text.RegularExpressions;

namespace Triage.Core.Privacy;

/// <summary>
/// The raw patterns. Each is deliberately tight: an order number, a date or the shop's own 1588 line
/// redacted by mistake makes a ticket unanswerable, so numbers need their shape and, where the shape
/// alone is ambiguous, a checksum (cards) or a keyword nearby (accounts, unhyphenated RRNs).
/// </summary>
internal static partial class PiiPatterns
{
    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,24}(?![\w])", RegexOptions.CultureInvariant)]
    public static partial Regex Email();

    /// <summary>YYMMDD-GNNNNNN with a real month and day; the 7th digit is the century/sex digit 1–8.</summary>
    [GeneratedRegex(@"(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s?[-–]\s?[1-8]\d{6}(?!\d)", RegexOptions.CultureInvariant)]
    public static partial Regex ResidentRegistrationNumber();

    [GeneratedRegex(@"(?:주민(?:등록)?\s?번호|주민번호|RRN)\D{0,6}(?<num>\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[1-8]\d{6})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex ResidentRegistrationNumberByKeyword();

    /// <summary>13–19 digits in groups; only a Luhn-valid run counts as a card.</summary>
    [GeneratedRegex(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])", RegexOptions.CultureInvariant)]
    public static partial Regex CardCandidate();

    /// <summary>Korean mobiles (010 and the legacy 011/016/017/018/019), with or without +82.</summary>
    [GeneratedRegex(@"(?<![\d+])(?:\+82[ -]?1[016789]|01[016789])[ .-]?\d{3,4}[ .-]?\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    public static partial Regex KoreanMobile();

    /// <summary>Korean landlines need separators: unseparated, an area code plus digits is as likely an order number.</summary>
    [GeneratedRegex(@"(?<![\d-])\(?0(?:2|[3-6][1-5]|70)\)?[ .)-]\s?\d{3,4}[ .-]\d{4}(?![\d-])", RegexOptions.CultureInvariant)]
    public static partial Regex KoreanLandline();

    /// <summary>International (+country ...) and North American ((555) 123-4567, 555-123-4567) numbers.</summary>
    [GeneratedRegex(@"(?<![\w+])(?:\+[1-9]\d{0,2}[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4}|\(\d{3}\)\s?\d{3}[ .-]\d{4}|\d{3}[.-]\d{3}[.-]\d{4})(?![\d-])", RegexOptions.CultureInvariant)]
    public static partial Regex InternationalPhone();

    /// <summary>
    /// An account number: a digit run right after a bank or account keyword. Bank names that are also
    /// everyday words (우리, 하나, 기업) or other businesses (우체국택배) are left out on purpose.
    /// </summary>
    [GeneratedRegex(@"(?:계좌(?:번호)?|은행|뱅크|농협|수협|신협|새마을금고|예금주|account(?:\s*(?:number|no\.?|#))?|acct\.?|a/c|bank|sort code)[^\d\n]{0,12}(?<num>\d(?:[ -]?\d){7,19})(?![\d])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex AccountByKeyword();

    [GeneratedRegex(@"(?<![A-Z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Z0-9])", RegexOptions.CultureInvariant)]
    public static partial Regex IbanCandidate();
}
