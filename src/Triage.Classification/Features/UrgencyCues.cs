using System.Text.RegularExpressions;

namespace Triage.Classifier.Features;

/// <summary>
/// The signals the urgency policy (LABELS.md) names, as a handful of 0/1 features for the urgency head
/// only: time pressure, money already taken, repeated contact, legal or public threats, being blocked,
/// and a deadline event. They help where the n-grams are too sparse to learn a rare phrase; capital
/// letters, exclamation marks and rudeness are deliberately absent, since the policy says they never
/// raise urgency alone.
/// </summary>
public static partial class UrgencyCues
{
    public const int Count = 6;

    public static IReadOnlyList<string> Names { get; } = ["time-pressure", "money-taken", "repeated-contact", "legal-or-public-threat", "blocked", "deadline-event"];

    private static readonly Regex[] Patterns =
    [
        TimePressure(), MoneyTaken(), RepeatedContact(), Threat(), Blocked(), DeadlineEvent(),
    ];

    public static float[] Extract(string normalizedText)
    {
        var values = new float[Count];
        for (var i = 0; i < Count; i++)
        {
            values[i] = Patterns[i].IsMatch(normalizedText) ? 1f : 0f;
        }

        return values;
    }

    [GeneratedRegex(@"지금\s*당장|당장|오늘\s*(안|중|까지|내)|급합|급해|긴급|빨리|서둘|최대한\s*빨리|몇\s*시간|\basap\b|immediately|urgent|right\s+now|right\s+away|as\s+soon\s+as\s+possible|within\s+(an?|\d+|the\s+next)\s+(few\s+)?hours?|today|tonight", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimePressure();

    [GeneratedRegex(@"(두\s*번|이중|중복)\s*(결제|청구|출금)|결제가\s*두|몰래|도용|해킹|사기|무단|모르는\s*(결제|출금)|빠져\s*나갔|unauthori[sz]ed|fraud|charged\s+(me\s+)?twice|double[-\s]charged|hacked|stolen|someone\s+(else\s+)?(logged|used|changed)|didn'?t\s+make\s+this\s+(purchase|charge)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoneyTaken();

    [GeneratedRegex(@"(세|네|다섯|두|몇)\s*번째|또\s*(문의|연락|전화)|다시\s*문의|계속\s*(연락|문의)|여러\s*번|답이\s*없|답변이\s*없|\bagain\b|(third|second|fourth|fifth)\s+time|still\s+(no|not|waiting|haven'?t)|already\s+(contacted|called|emailed|asked|written)|no\s+(one\s+)?(reply|response|answer)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RepeatedContact();

    [GeneratedRegex(@"소비자\s*(원|보호)|신고|고소|변호사|법적|소송|SNS|인스타|커뮤니티|리뷰에|카드사에|탈퇴하겠|다시는\s*안|lawyer|legal|\bsue\b|court|chargeback|trading\s+standards|\bbbb\b|post\s+(this|it|about)|twitter|social\s+media|report\s+(you|this)|cancel\s+(my|our)\s+(account|contract)|take\s+(my|our)\s+business", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Threat();

    [GeneratedRegex(@"안\s*(돼|되|됩)|못\s*(하|해|들어)|오류|에러|막혔|잠겼|잠금|실패|거절|can'?t|cannot|unable|won'?t\s+let|error|failed|declined|locked|blocked|not\s+working", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Blocked();

    [GeneratedRegex(@"비행기|출국|항공|결혼식|행사|내일|마감|flight|wedding|event|tomorrow|deadline|funeral|birthday", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeadlineEvent();
}
