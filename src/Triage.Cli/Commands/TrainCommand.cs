using System.CommandLine;
using System.Diagnostics;
using Triage.Classifier.Bundle;
using Triage.Classifier.Data;
using Triage.Classifier.Features;
using Triage.Classifier.Training;
using Triage.Corpus;

namespace Triage.Cli.Commands;

/// <summary>
/// <c>triage train</c>: train a bundle from training-data and any extra exports, score it on the
/// held-out split and any <c>--eval</c> files (whose texts are kept out of training), write it with its
/// model card, and print the bake-off and the metrics.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = DataArguments.Data("Training data (repeatable): a training-data directory, or a JSONL/CSV/TSV file followed by its --map.");
        var evals = new Option<string[]>("--eval") { Description = "Extra labeled file to score the new bundle on (repeatable, with its --map); its texts never enter training." };
        var map = DataArguments.Map();
        var weight = DataArguments.Weight();
        var output = new Option<FileInfo>("--out") { Description = "Where to write the bundle.", DefaultValueFactory = _ => new FileInfo(Path.Combine("models", "staged", "model.zip")) };
        var seed = new Option<int>("--seed") { Description = "Seed of the validation split and the trainers.", DefaultValueFactory = _ => TrainingOptions.DefaultSeed };
        var precision = new Option<double>("--target-precision") { Description = "Precision each label's abstention threshold must reach on validation data.", DefaultValueFactory = _ => 0.90 };
        var trainers = new Option<string[]>("--trainer") { Description = "Restrict the bake-off (repeatable): sdca, lightgbm, fasttree. Default: all three." };
        trainers.AcceptOnlyFromAmong("sdca", "lightgbm", "fasttree");
        var wordNgrams = new Option<int>("--word-ngrams") { Description = "Longest word n-gram the text featurizer takes (1-3).", DefaultValueFactory = _ => new FeaturizerSettings().WordNgramLength };
        var charNgrams = new Option<int>("--char-ngrams") { Description = "Longest character n-gram taken from Hangul words (1-5); shorter is faster to score.", DefaultValueFactory = _ => new FeaturizerSettings().CharNgramLength };
        wordNgrams.Validators.Add(r => { if (r.GetValue(wordNgrams) is < 1 or > 3) { r.AddError("--word-ngrams must be 1, 2 or 3"); } });
        charNgrams.Validators.Add(r => { if (r.GetValue(charNgrams) is < 1 or > 5) { r.AddError("--char-ngrams must be between 1 and 5"); } });
        var taxonomy = new Option<FileInfo?>("--taxonomy") { Description = "Label set to validate every row against (default: the training-data directory's taxonomy.json)." };
        var noCases = new Option<bool>("--no-resolved-cases") { Description = "Train on training-data tickets only, not on its resolved cases." };
        var active = new Option<FileInfo>("--active") { Description = "The serving bundle the new one is compared with and promoted to.", DefaultValueFactory = _ => new FileInfo(Path.Combine("models", "active", "model.zip")) };
        var backup = new Option<FileInfo>("--backup") { Description = "Where the replaced active bundle is kept.", DefaultValueFactory = _ => new FileInfo(Path.Combine("models", "backup", "model.zip")) };
        var noPromote = new Option<bool>("--no-promote") { Description = "Only write the new bundle to --out; leave the active one alone." };
        var force = new Option<bool>("--force") { Description = "Promote even if the new bundle scores worse than the active one." };
        var tolerance = new Option<double>("--tolerance") { Description = "Macro-F1 drop per head still counted as not worse.", DefaultValueFactory = _ => 0.005 };
        var suspects = new Option<bool>("--suspects") { Description = "Do not train: list rows whose label a cross-validated model confidently disputes, for review." };
        var suspectsOut = new Option<FileInfo>("--suspects-out") { Description = "Where --suspects writes its full list (TSV).", DefaultValueFactory = _ => new FileInfo("suspects.tsv") };
        var suspectConfidence = new Option<double>("--suspect-confidence") { Description = "Confidence above which a disagreeing prediction makes a row suspect.", DefaultValueFactory = _ => 0.8 };
        var command = new Command("train", "Train a model bundle (category, intent, urgency), write it with its model card, and promote it if it is not worse than the active one.")
        {
            data, map, weight, evals, output, seed, precision, trainers, wordNgrams, charNgrams, taxonomy, noCases, active, backup, noPromote, force, tolerance, suspects, suspectsOut, suspectConfidence,
        };
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<DataSpec> trainSpecs;
            try
            {
                trainSpecs = DataArguments.Specs(parse, "--data");
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }

            if (trainSpecs.Count == 0)
            {
                Console.Error.WriteLine("give at least one --data (e.g. --data training-data)");
                return 2;
            }

            if (trainSpecs.FirstOrDefault(DataArguments.LooksLikeTestSet) is { } testFile)
            {
                Console.Error.WriteLine($"{testFile.Path}: looks like a test set; evaluate on it with --eval, never train on it");
                return 2;
            }

            var watch = Stopwatch.StartNew();
            try
            {
                var reader = new TrainingDataReader(parse.GetValue(taxonomy) is { } t ? Taxonomy.Load(t.FullName) : null, !parse.GetValue(noCases));
                var evaluations = new List<(string Name, IReadOnlyList<TrainingExample> Rows)>();
                foreach (var spec in DataArguments.Specs(parse, "--eval"))
                {
                    evaluations.Add((Path.GetFileName(spec.Path), await reader.ReadForEvaluationAsync([spec], ct)));
                }

                var evaluationTexts = evaluations.SelectMany(e => e.Rows).Select(r => TextKey.Of(r.Input.Text)).ToHashSet(StringComparer.Ordinal);
                var loaded = await reader.ReadAsync(trainSpecs, evaluationTexts, ct);
                foreach (var source in loaded.Sources)
                {
                    Console.WriteLine($"  {source.Name}: {source.Rows} rows, {source.Used} used, {source.HeldOut} held out, {source.Duplicates} duplicates, {source.ExcludedAsEvaluation} kept out as evaluation text");
                }

                evaluations.Insert(0, ("held-out split", loaded.HeldOut));
                var options = new TrainingOptions
                {
                    Seed = parse.GetValue(seed),
                    TargetPrecision = parse.GetValue(precision),
                    Trainers = TrainerNames(parse.GetValue(trainers)),
                    Featurizer = new FeaturizerSettings { WordNgramLength = parse.GetValue(wordNgrams), CharNgramLength = parse.GetValue(charNgrams) },
                    Notes = "trained with: triage " + string.Join(' ', parse.Tokens.Select(t => t.Value)),
                };
                if (parse.GetValue(suspects))
                {
                    var found = await new LabelSuspects(options, Console.Out).FindAsync(loaded.Examples, 5, parse.GetValue(suspectConfidence), ct);
                    await SuspectList.WriteAsync(found, parse.GetValue(suspectsOut)!.FullName, Console.Out, ct);
                    return 0;
                }

                var bundle = await new BundleTrainer(options, Console.Out).TrainAsync(loaded, evaluations, ct);
                var path = parse.GetValue(output)!.FullName;
                await BundleTrainer.WriteAsync(bundle, path, ct);
                Console.WriteLine();
                foreach (var evaluation in bundle.Card.Evaluations)
                {
                    MetricsPrinter.Summary(Console.Out, $"{evaluation.Name} (n={evaluation.Rows})", evaluation.Heads);
                }

                Console.WriteLine($"bundle {bundle.Card.Version} -> {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB), trained in {watch.Elapsed.TotalSeconds:F0} s");
                if (parse.GetValue(noPromote))
                {
                    return 0;
                }

                return await PromoteAsync(bundle, path, parse.GetValue(active)!.FullName, parse.GetValue(backup)!.FullName, evaluations, parse.GetValue(tolerance), parse.GetValue(force), ct);
            }
            catch (Exception ex) when (ex is TrainingDataException or FormatException)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static async Task<int> PromoteAsync(TrainedBundle bundle, string staged, string active, string backup,
        IReadOnlyList<(string Name, IReadOnlyList<TrainingExample> Rows)> evaluations, double tolerance, bool force, CancellationToken ct)
    {
        if (Path.GetFullPath(staged) == Path.GetFullPath(active))
        {
            Console.WriteLine("--out is the active bundle: written in place, no comparison.");
            return 0;
        }

        ActiveBundle current = LoadActive(active);
        var decision = BundlePromotion.Decide(bundle.Model, current.Model, current.Problem, evaluations, tolerance, ct);
        Console.WriteLine();
        Console.WriteLine($"promotion: new {bundle.Card.Version} vs active {current.Model?.Description.Version ?? "(none)"}");
        foreach (var c in decision.Comparisons)
        {
            Console.WriteLine($"  {c.Evaluation,-24} {c.Head,-8} macro-F1 new {c.Candidate:F3}  active {(c.Active is { } a ? a.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "-"),5}  change {(c.Change is { } d ? d.ToString("+0.000;-0.000", System.Globalization.CultureInfo.InvariantCulture) : "-")}");
        }

        if (!decision.Promote && !force)
        {
            Console.WriteLine($"NOT promoted: {decision.Reason}. The new bundle stays at {staged}; --force promotes it anyway.");
            return 3;
        }

        await BundlePromotion.PromoteAsync(staged, active, backup, ct);
        Console.WriteLine($"promoted ({(decision.Promote ? decision.Reason : "forced: " + decision.Reason)}): {staged} -> {active}; previous active -> {backup}");
        return 0;
    }

    private static ActiveBundle LoadActive(string active)
    {
        if (!File.Exists(active))
        {
            return new ActiveBundle(null, null);
        }

        try
        {
            return new ActiveBundle(ModelBundleLoader.LoadModel(active), null);
        }
        catch (InvalidDataException ex)
        {
            return new ActiveBundle(null, $"the active bundle cannot be loaded ({ex.Message})");
        }
    }

    private sealed record ActiveBundle(Triage.Core.Classification.IClassifierModel? Model, string? Problem);

    private static IReadOnlyList<string> TrainerNames(string[]? names) => names is null || names.Length == 0
        ? TrainerKind.All
        : names.Select(n => n switch { "lightgbm" => TrainerKind.LightGbm, "fasttree" => TrainerKind.FastTreeStack, _ => TrainerKind.Sdca }).ToList();
}
