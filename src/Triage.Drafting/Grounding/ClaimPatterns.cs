using System.Text.RegularExpressions;

namespace Triage.Drafting.Grounding;

/// <summary>
/// The kinds of statement a model invents most harmfully in a support reply: figures a customer will hold the shop to
/// (amounts, dates), places to go (web addresses, phone numbers), and promises of money back or compensation.
/// </summary>
internal static partial class ClaimPatterns
{
    [GeneratedRegex(@"\bhttps?://[^\s<>""')\]]+|\bwww\.[^\s<>""')\]]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Url();

    /// <summary>Shop lines (1588-1234), landlines and mobiles with separators; the customer's own number is a placeholder by now.</summary>
    [GeneratedRegex(@"(?<![\d-])(?:\+\d{1,3}[ .-]?)?(?:\(?0\d{1,2}\)?[ .-])?\d{3,4}[ .-]\d{4}(?![\d-])", RegexOptions.CultureInvariant)]
    public static partial Regex Phone();

    [GeneratedRegex(@"환불\s?(?:해|처리해|진행해|을\s?해)\s?드리|환불해\s?드릴|환불\s?(?:처리|진행)\s?(?:하겠|해\s?드리|됩니다|될\s?예정)|\brefund(?:ed)?\s+(?:you|your|the\s+full)\b|\bwill\s+(?:be\s+)?refund|\b(?:issue|process|give)\s+(?:you\s+)?a\s+(?:full\s+|partial\s+)?refund", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex RefundPromise();

    [GeneratedRegex(@"보상|배상|적립금|포인트\s?(?:를\s?)?(?:지급|적립)|쿠폰\s?(?:을\s?|를\s?)?(?:지급|발급|드리)|\bcompensat\w*|\breimburs\w*|\b(?:store\s+)?credit\s+(?:you|your)\b|\b(?:issue|give|offer)\s+(?:you\s+)?(?:a\s+)?(?:store\s+)?credit\b|\bvoucher\b|\bcoupon\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex CompensationPromise();

    /// <summary>What a source must mention for a refund promise to be grounded: the shop refunded in a cited case.</summary>
    [GeneratedRegex(@"환불|\brefund", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex RefundTopic();

    [GeneratedRegex(@"보상|배상|적립|쿠폰|포인트|compensat|reimburs|\bcredit|voucher|coupon", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex CompensationTopic();

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?(?:\s?만)?", RegexOptions.CultureInvariant)]
    public static partial Regex Number();

    [GeneratedRegex(@"(?<y>\d{4})[-./](?<m>\d{1,2})[-./](?<d>\d{1,2})|(?<m>\d{1,2})/(?<d>\d{1,2})|(?<m>\d{1,2})월\s?(?<d>\d{1,2})일", RegexOptions.CultureInvariant)]
    public static partial Regex DateParts();
}
