using System.CommandLine;
using System.Globalization;
using Triage.Corpus;

namespace Triage.Cli.Commands;

/// <summary>
/// <c>triage data check</c>: validate a training-data directory and print its counts table.
/// <c>triage data split</c>: (re)draw the stratified held-out test set.
/// </summary>
internal static class DataCommands
{
    public static Command Create()
    {
        var data = new Command("data", "Work with the labeled corpus in training-data/.");
        data.Subcommands.Add(Check());
        data.Subcommands.Add(Split());
        return data;
    }

    private static Option<DirectoryInfo> DataDir() => new("--data")
    {
        Description = "The training-data directory.",
        DefaultValueFactory = _ => new DirectoryInfo("training-data"),
    };

    private static Command Check()
    {
        var dir = DataDir();
        var noMinimums = new Option<bool>("--no-minimums") { Description = "Check schema, labels and duplicates only, not the minimum counts." };
        var command = new Command("check", "Validate schema, labels, intent-in-category, duplicates and near-duplicates, the held-out split and the counts; print the counts table.")
        {
            dir, noMinimums,
        };
        command.SetAction(async (parse, ct) =>
        {
            var requirements = parse.GetValue(noMinimums) ? CorpusRequirements.None : new CorpusRequirements();
            var report = await CorpusValidator.CheckAsync(new CorpusLayout(parse.GetValue(dir)!.FullName), requirements, ct);
            PrintCounts(report);
            foreach (var issue in report.Issues)
            {
                Console.Error.WriteLine(issue);
            }

            Console.WriteLine(report.IsValid
                ? $"OK: {report.Tickets.Count} tickets, {report.Cases.Count} resolved cases, {report.HeldOut.Count} held out."
                : $"FAILED: {report.Issues.Count} problem(s).");
            return report.IsValid ? 0 : 1;
        });
        return command;
    }

    private static Command Split()
    {
        var dir = DataDir();
        var fraction = new Option<double>("--fraction") { Description = "Share of each stratum held out.", DefaultValueFactory = _ => HeldOutSplit.DefaultFraction };
        var seed = new Option<int>("--seed") { Description = "Seed of the draw.", DefaultValueFactory = _ => HeldOutSplit.DefaultSeed };
        var command = new Command("split", "Draw the held-out test set, stratified by language, category and urgency, into splits/test.txt.") { dir, fraction, seed };
        command.SetAction(async (parse, ct) =>
        {
            var layout = new CorpusLayout(parse.GetValue(dir)!.FullName);
            var report = await CorpusValidator.CheckAsync(layout, CorpusRequirements.None, ct);
            var ids = HeldOutSplit.Draw(report.Tickets.Select(t => t.Record), parse.GetValue(fraction), parse.GetValue(seed), report.HeldOut);
            await HeldOutSplit.WriteAsync(layout.TestSplit, ids, parse.GetValue(fraction), parse.GetValue(seed), ct);
            Console.WriteLine($"{ids.Count} of {report.Tickets.Count} tickets held out -> {layout.TestSplit}");
            return 0;
        });
        return command;
    }

    private static void PrintCounts(CorpusReport report)
    {
        var rows = report.Counts().ToList();
        var width = Math.Max(24, rows.Max(r => r.Key.Length) + 2);
        string? dimension = null;
        foreach (var (dim, key, ko, en) in rows)
        {
            if (dim != dimension)
            {
                Console.WriteLine();
                Console.WriteLine($"{dim.PadRight(width)}{"ko",7}{"en",7}{"all",7}");
                dimension = dim;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key.PadRight(width - 2)}{ko,7}{en,7}{ko + en,7}"));
        }

        Console.WriteLine();
    }
}
