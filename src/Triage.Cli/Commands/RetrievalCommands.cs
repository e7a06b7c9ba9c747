using System.CommandLine;
using System.Globalization;
using Triage.Classifier.Bundle;
using Triage.Core.Classification;
using Triage.Core.Drafting;
using Triage.Core.Intake;
using Triage.Drafting.Composer;
using Triage.Core.Text;
using Triage.Core.Tickets;
using Triage.Retrieval.Evaluation;
using Triage.Retrieval.Search;
using Triage.Retrieval.Seeding;

namespace Triage.Cli.Commands;

/// <summary><c>triage retrieval eval</c>: the similar-case quality figure on the held-out tickets.</summary>
internal static class RetrievalCommands
{
    public static Command Create()
    {
        var retrieval = new Command("retrieval", "Similar-case retrieval.");
        var data = new Option<DirectoryInfo>("--data") { Description = "The training-data directory.", DefaultValueFactory = _ => new DirectoryInfo("training-data") };
        var top = new Option<int>("--top") { Description = "How many cases count.", DefaultValueFactory = _ => 3 };
        var model = new Option<FileInfo?>("--model") { Description = "A model bundle whose predicted labels rank the cases, as the service does; omit for similarity alone." };
        var eval = new Command("eval", "For each held-out ticket, does one of the top cases share its intent? Printed per language.") { data, top, model };
        eval.SetAction(async (parse, ct) =>
        {
            IClassifierModel? classifier;
            try
            {
                classifier = parse.GetValue(model) is { } bundle ? new ModelBundleLoader().Load(bundle.FullName) : null;
            }
            catch (InvalidDataException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }

            Func<Corpus.LabeledTicketRecord, string, RankingHints>? hints = classifier is null ? null : (ticket, text) =>
            {
                var c = classifier.Classify(new ClassifierInput(text, LanguageDetector.Detect(text), SeedCorpus.ParseChannel(ticket.Channel) ?? Channel.Email));
                return RankingHintsFrom.Prediction(c);
            };
            // Drafts from what was found, as the service writes them: does the composer reuse a same-intent resolution?
            var composer = new RetrievalComposer();
            var drafting = new Dictionary<string, (int Drafts, int SameIntent, double Milliseconds)>(StringComparer.Ordinal);
            var results = await RetrievalEvaluation.RunAsync(parse.GetValue(data)!.FullName, parse.GetValue(top), hints, ct, (ticket, text, found) =>
            {
                var prepared = TicketPreparer.Prepare(new Ticket(ticket.Id, ticket.Subject, ticket.Body, SeedCorpus.ParseChannel(ticket.Channel) ?? Channel.Email, ticket.Language));
                var c = classifier?.Classify(new ClassifierInput(prepared.Text.Text, prepared.Language, prepared.Ticket.Channel));
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var draft = composer.Compose(DraftRequest.From(prepared, c, TimeSpan.FromHours(24), found.Select(f => new GroundingCase(f.Case, f.Score)).ToList()));
                var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var cited = draft.CitedCaseIds.Count == 1 ? found.First(f => f.Case.CaseId == draft.CitedCaseIds[0]).Case.Intent : null;
                var (n, same, ms) = drafting.GetValueOrDefault(ticket.Language);
                drafting[ticket.Language] = (n + 1, same + (cited == ticket.Intent ? 1 : 0), ms + elapsed);
            });
            Console.WriteLine($"ranking: {(classifier is null ? "similarity only" : "hybrid with " + classifier.Description.Version)}");
            foreach (var r in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Language}: {r.Tickets} held-out tickets; same intent in top {parse.GetValue(top)}: {r.HitRate:P1}; top-1 same intent: {r.Top1Rate:P1}"));
            }

            foreach (var (language, (n, same, ms)) in drafting.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{language}: composer drafts reusing a same-intent resolution: {(double)same / n:P1} of {n}; mean compose time {ms / n:F3} ms"));
            }

            return 0;
        });
        retrieval.Subcommands.Add(eval);
        return retrieval;
    }
}
