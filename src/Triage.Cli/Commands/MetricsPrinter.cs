using System.Globalization;
using Triage.Classifier.Evaluation;

namespace Triage.Cli.Commands;

/// <summary>Prints a head's metrics as plain text: summary, per language, per class, and the confusion matrix.</summary>
internal static class MetricsPrinter
{
    public static void Summary(TextWriter output, string name, IReadOnlyDictionary<string, HeadMetrics> heads)
    {
        output.WriteLine($"{name}:");
        foreach (var (head, m) in heads)
        {
            var languages = string.Join("  ", m.ByLanguage.Select(l => F($"{l.Key} {l.Value.MacroF1:F3} (n={l.Value.Count})")));
            output.WriteLine(F($"  {head,-8} n={m.Count,-5} accuracy {m.Accuracy:F3}  macro-F1 {m.MacroF1:F3}  [{languages}]  ECE {m.ExpectedCalibrationError:F3}  coverage {m.Coverage:P1} at precision {m.PrecisionAtThresholds:P1}"));
        }
    }

    public static void Detailed(TextWriter output, string head, HeadMetrics m)
    {
        output.WriteLine();
        output.WriteLine(F($"== {head}: n={m.Count}  accuracy {m.Accuracy:F3}  macro-F1 {m.MacroF1:F3}  ECE {m.ExpectedCalibrationError:F3}"));
        output.WriteLine(F($"   at the bundle's thresholds: coverage {m.Coverage:P1}, precision {m.PrecisionAtThresholds:P1} (the rest goes to human triage)"));
        foreach (var (language, lm) in m.ByLanguage)
        {
            output.WriteLine(F($"   {language,-6} n={lm.Count,-5} accuracy {lm.Accuracy:F3}  macro-F1 {lm.MacroF1:F3}  coverage {lm.Coverage:P1} at precision {lm.PrecisionAtThresholds:P1}"));
        }

        var width = Math.Max(10, m.Labels.Max(l => l.Length) + 1);
        output.WriteLine(F($"   {"label".PadRight(width)} {"precision",9} {"recall",7} {"F1",6} {"support",8}"));
        foreach (var c in m.PerClass)
        {
            output.WriteLine(F($"   {c.Label.PadRight(width)} {c.Precision,9:F3} {c.Recall,7:F3} {c.F1,6:F3} {c.Support,8}"));
        }

        output.WriteLine("   confusion (rows: true, columns: predicted, in label order above)");
        for (var i = 0; i < m.Labels.Count; i++)
        {
            output.WriteLine("   " + m.Labels[i].PadRight(width) + string.Concat(m.Confusion[i].Select(v => v.ToString(CultureInfo.InvariantCulture).PadLeft(5))));
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
