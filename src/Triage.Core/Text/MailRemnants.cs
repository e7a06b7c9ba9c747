using System.Text.RegularExpressions;

namespace Triage.Core.Text;

/// <summary>
/// What mail clients add around the customer's words: quoted earlier messages, reply attributions,
/// "Original Message" blocks, forward headers and "sent from my phone" footers. Forwarded content is
/// kept (it may be the customer's own earlier complaint); only its header lines go. Quoted lines are
/// dropped only when the customer also wrote something new, so a ticket that is all quote keeps its words.
/// </summary>
internal static partial class MailRemnants
{
    [GeneratedRegex(@"^\s*-{2,}\s*(original message|원본 메시지|원래 메시지)\s*-{2,}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessageMarker();

    [GeneratedRegex(@"^\s*-{2,}\s*(forwarded message|전달된 메시지|전달 메시지)\s*-{2,}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardMarker();

    [GeneratedRegex(@"^\s*(from|to|cc|sent|date|subject|보낸 ?사람|받는 ?사람|참조|보낸 ?날짜|날짜|제목)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^\s*(on\s.{4,200}\swrote:|.{4,200}(님이|에) 작성:)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^\s*(sent from my \w+.*|.{0,20}에서 보냄|get outlook for \w+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeviceFooter();

    public static string Strip(string text, ref NoiseKinds noise)
    {
        var lines = text.Split('\n');
        var kept = new List<string>(lines.Length);
        var quoted = new List<string>();
        var inForwardHeader = false;
        var found = false;

        foreach (var line in lines)
        {
            if (OriginalMessageMarker().IsMatch(line))
            {
                // An Outlook reply: everything after the marker is the earlier conversation.
                found = true;
                if (HasContent(kept))
                {
                    break;
                }

                inForwardHeader = true;
                continue;
            }

            if (ForwardMarker().IsMatch(line))
            {
                found = true;
                inForwardHeader = true;
                continue;
            }

            if (inForwardHeader)
            {
                if (HeaderLine().IsMatch(line))
                {
                    continue;
                }

                if (line.Trim().Length > 0)
                {
                    inForwardHeader = false;
                }
            }

            if (Attribution().IsMatch(line) || DeviceFooter().IsMatch(line))
            {
                found = true;
                continue;
            }

            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('>'))
            {
                found = true;
                quoted.Add(trimmed.TrimStart('>', ' '));
                continue;
            }

            kept.Add(line);
        }

        if (!found)
        {
            return text;
        }

        noise |= NoiseKinds.MailQuote;
        if (!HasContent(kept))
        {
            // All the customer sent was quote: keep the quoted words rather than nothing.
            kept.AddRange(quoted);
        }

        return string.Join('\n', kept);
    }

    private static bool HasContent(List<string> lines) => lines.Exists(l => l.Trim().Length > 0);
}
