using System.CommandLine;
using System.Globalization;
using Triage.Classifier.Bundle;
using Triage.Core.Classification;
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
            IClassifierModel? classifier = parse.GetValue(model) is { } bundle ? new ModelBundleLoader().Load(bundle.FullName) : null;
            Func<Corpus.LabeledTicketRecord, string, RankingHints>? hints = classifier is null ? null : (ticket, text) =>
            {
                var c = classifier.Classify(new ClassifierInput(text, LanguageDetector.Detect(text), SeedCorpus.ParseChannel(ticket.Channel) ?? Channel.Email));
                return RankingHintsFrom.Prediction(c);
            };
            var results = await RetrievalEvaluation.RunAsync(parse.GetValue(data)!.FullName, parse.GetValue(top), hints, ct);
            Console.WriteLine($"ranking: {(classifier is null ? "similarity only" : "hybrid with " + classifier.Description.Version)}");
            foreach (var r in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Language}: {r.Tickets} held-out tickets; same intent in top {parse.GetValue(top)}: {r.HitRate:P1}; top-1 same intent: {r.Top1Rate:P1}"));
            }

            return 0;
        });
        retrieval.Subcommands.Add(eval);
        return retrieval;
    }
}
