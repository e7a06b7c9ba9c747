using System.Text.RegularExpressions;

namespace Triage.Drafting.Composer;

/// <summary>
/// Takes the resolution out of a resolved case's reply: the sentences between its greeting and its
/// sign-off, which the composer wraps in its own greeting and closing for the new ticket.
/// </summary>
internal static partial class ResolutionExtractor
{
    [GeneratedRegex(@"^(안녕하세요|안녕하십니까|고객님,?\s*안녕|hello|hi\b|dear\b|good (morning|afternoon|evening)|thank you for (contacting|reaching|your (message|email)))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"(감사합니다|고맙습니다|좋은 하루|문의해 주세요|문의 주세요|연락 주세요|kind regards|best regards|regards,|sincerely|have a (great|nice|good)|let us know|feel free to|thank you[.!]?$|thanks[.!]?$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignOff();

    /// <summary>Greeting-only sentences such as "고객센터입니다." or "OO몰 상담원 김지현입니다." that name the other shop's agent.</summary>
    [GeneratedRegex(@"(고객센터|상담원|담당자)[^.]{0,20}입니다\.?$|^(this is|my name is)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Introduction();

    /// <summary>What a greeting leads into when it is not a courtesy: "감사", "thank you", "hope you are well".</summary>
    [GeneratedRegex(@"^(and\s+)?(thank|thanks|hope|many thanks|감사|고맙|문의(해|를)? 주셔서)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Courtesy();

    private const int GreetingClauseChars = 30;
    private const int MinStepChars = 10;

    private const int SignatureLines = 3;
    private const int MaxSignatureLine = 40;

    public static IReadOnlyList<string> Extract(string reply)
    {
        var sentences = Sentences.Split(reply).ToList();
        while (sentences.Count > 0 && (Greeting().IsMatch(sentences[0]) || Introduction().IsMatch(sentences[0])))
        {
            if (AfterGreeting(sentences[0]) is { } step)
            {
                sentences[0] = step;
                break;
            }

            sentences.RemoveAt(0);
        }

        // A sign-off is usually followed by a signature ("Kind regards,\nMina\nCustomer Care"), which the loop
        // below would stop at: cut at the earliest sign-off among the last lines when all after it is short
        // enough to be a name or a team.
        var cut = sentences.Count;
        for (var i = sentences.Count - 1; i >= Math.Max(0, sentences.Count - SignatureLines - 1); i--)
        {
            if (SignOff().IsMatch(sentences[i]) && sentences.Skip(i + 1).All(s => s.Length <= MaxSignatureLine))
            {
                cut = i;
            }
        }

        sentences.RemoveRange(cut, sentences.Count - cut);
        while (sentences.Count > 0 && SignOff().IsMatch(sentences[^1]))
        {
            sentences.RemoveAt(sentences.Count - 1);
        }

        return sentences;
    }

    /// <summary>
    /// "Dear Jo, your refund was issued today." and "안녕하세요 고객님, 주문하신 상품은 오늘 출고되었습니다." put
    /// the first step in the greeting's sentence: the step after the greeting's comma, unless that is a courtesy too.
    /// </summary>
    private static string? AfterGreeting(string sentence)
    {
        var comma = sentence.IndexOfAny([',', '，']);
        if (comma < 0 || comma > GreetingClauseChars)
        {
            return null;
        }

        var rest = sentence[(comma + 1)..].Trim();
        return rest.Length >= MinStepChars && !Courtesy().IsMatch(rest) && !SignOff().IsMatch(rest) && !Greeting().IsMatch(rest) && !Introduction().IsMatch(rest)
            ? rest
            : null;
    }
}
