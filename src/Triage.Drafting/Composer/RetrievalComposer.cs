using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Triage.Core.Drafting;

namespace Triage.Drafting.Composer;

/// <summary>
/// The offline drafter and the fallback for the LLM: a reply assembled from the best resolved case.
/// Greeting and closing in the ticket's language (Korean 존댓말 by default), an acknowledgement that
/// fits the urgency, the resolution sentences of the cited case with the other customer's specifics
/// replaced, and the follow-up time from the SLA. With no relevant case it says the representative's
/// knowledge is needed instead of inventing an answer.
/// </summary>
public sealed class RetrievalComposer : IReplyDrafter
{
    public const string DrafterName = "composer";
    public const string Version = "composer-v1";

    /// <summary>Below this ranking score a case is not relevant enough to answer from.</summary>
    public const float MinCaseScore = 0.2f;

    public string Name => DrafterName;

    public Task<DraftResult> DraftAsync(DraftRequest request, CancellationToken ct) => Task.FromResult(Compose(request));

    public async IAsyncEnumerable<DraftStreamItem> StreamAsync(DraftRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var draft = Compose(request);
        foreach (var line in draft.Text.Split('\n'))
        {
            ct.ThrowIfCancellationRequested();
            yield return new DraftStreamItem(line + "\n", null);
        }

        await Task.CompletedTask;
        yield return new DraftStreamItem(null, draft);
    }

    public DraftResult Compose(DraftRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var language = request.Ticket.Language == "en" ? "en" : "ko";
        var phrases = ComposerPhrases.Defaults[language];
        var source = ChooseCase(request);

        var text = new StringBuilder();
        text.AppendLine(phrases.Greeting);
        text.AppendLine(request.Urgency is not null && phrases.Acknowledge.TryGetValue(request.Urgency, out var ack) ? ack : phrases.AcknowledgeDefault);
        var flags = DraftFlags.None;
        if (source is null)
        {
            text.AppendLine(phrases.NeedsKnowledge);
            flags |= DraftFlags.NeedsKnowledge;
        }
        else
        {
            var details = TicketDetails.From(request.Ticket.Redacted.Text);
            foreach (var sentence in ResolutionExtractor.Extract(source.Case.Reply))
            {
                text.AppendLine(CaseDetailScrubber.Scrub(sentence, details, phrases));
            }
        }

        if (request.FirstResponseTarget is { } target)
        {
            var hours = target == TimeSpan.FromHours(1)
                ? phrases.OneHour
                : string.Format(CultureInfo.InvariantCulture, phrases.Hours, Math.Round(target.TotalHours, 1));
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, phrases.FollowUp, hours));
        }

        text.Append(phrases.Closing);
        return new DraftResult(
            text.ToString(),
            language,
            DrafterName,
            Version,
            source is null ? [] : [source.Case.CaseId],
            flags,
            Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The best case of the predicted intent, else of the predicted category, else the best overall, if relevant at all.</summary>
    private static GroundingCase? ChooseCase(DraftRequest request)
    {
        var relevant = request.Cases.Where(c => c.Score >= MinCaseScore).OrderByDescending(c => c.Score).ToList();
        return relevant.FirstOrDefault(c => request.Intent is not null && c.Case.Intent == request.Intent)
            ?? relevant.FirstOrDefault(c => request.Category is not null && c.Case.Category == request.Category)
            ?? relevant.FirstOrDefault();
    }
}
