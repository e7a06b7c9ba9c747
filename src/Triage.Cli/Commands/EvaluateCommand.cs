using System.CommandLine;
using Triage.Classifier.Bundle;
using Triage.Classifier.Data;
using Triage.Classifier.Evaluation;

namespace Triage.Cli.Commands;

/// <summary>
/// <c>triage evaluate</c>: score any bundle on any labeled data (a training-data directory means its
/// held-out split) and print accuracy, macro-F1, per-class precision and recall, coverage at the
/// bundle's thresholds and the confusion matrix; <c>--html</c> also writes a report with a reliability plot.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<FileInfo>("--model") { Description = "The bundle to score.", DefaultValueFactory = _ => new FileInfo(Path.Combine("models", "active", "model.zip")) };
        var data = DataArguments.Data("Labeled data (repeatable): a training-data directory (its held-out split) or a JSONL/CSV/TSV file followed by its --map.");
        var map = DataArguments.Map();
        var html = new Option<FileInfo?>("--html") { Description = "Also write an HTML report (confusion matrices, reliability plots) here." };
        var command = new Command("evaluate", "Score a model bundle on labeled data.") { model, data, map, html };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var specs = DataArguments.Specs(parse, "--data");
                if (specs.Count == 0)
                {
                    Console.Error.WriteLine("give at least one --data");
                    return 2;
                }

                var classifier = ModelBundleLoader.LoadModel(parse.GetValue(model)!.FullName);
                var rows = await new TrainingDataReader().ReadForEvaluationAsync(specs, ct);
                var metrics = ModelEvaluator.Evaluate(classifier, rows, ct);
                Console.WriteLine($"model {classifier.Description.Version} on {rows.Count} rows from {string.Join(", ", specs.Select(s => Path.GetFileName(s.Path)))}");
                foreach (var (head, m) in metrics)
                {
                    MetricsPrinter.Detailed(Console.Out, head, m);
                }

                if (parse.GetValue(html) is { } report)
                {
                    var title = $"Triage model evaluation: {string.Join(", ", specs.Select(s => Path.GetFileName(s.Path)))}";
                    await File.WriteAllTextAsync(report.FullName, HtmlReport.Render(title, classifier.Description.Version, metrics), ct);
                    Console.WriteLine($"report -> {report.FullName}");
                }

                return 0;
            }
            catch (Exception ex) when (ex is TrainingDataException or FormatException or InvalidDataException)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        return command;
    }
}
