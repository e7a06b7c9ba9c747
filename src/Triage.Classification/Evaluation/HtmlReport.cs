using System.Globalization;
using System.Net;
using System.Text;
using Triage.Classifier.Calibration;

namespace Triage.Classifier.Evaluation;

/// <summary>
/// A self-contained HTML evaluation report: per head the summary, per-language and per-class tables, the
/// confusion matrix as a shaded table, and a reliability diagram drawn as inline SVG (no scripts, no
/// external assets, so it can be mailed or attached to a review).
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        <style>
        body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 13px; }
        td, th { border: 1px solid #ccc; padding: 3px 6px; text-align: right; }
        th { background: #f3f3f3; } td.l, th.l { text-align: left; }
        section { margin-bottom: 3em; }
        </style>
        """;

    public static string Render(string title, string modelVersion, IReadOnlyDictionary<string, HeadMetrics> heads)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{E(title)}</title>""");
        html.Append(Style);
        html.Append(CultureInfo.InvariantCulture, $"""</head><body><h1>{E(title)}</h1><p>Model version <code>{E(modelVersion)}</code></p>""");
        foreach (var (head, m) in heads)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <section><h2>{E(head)}</h2>
                <p>n = {m.Count}; accuracy {m.Accuracy:F3}; macro-F1 {m.MacroF1:F3}; expected calibration error {m.ExpectedCalibrationError:F3};
                at the bundle's thresholds: coverage {m.Coverage:P1}, precision {m.PrecisionAtThresholds:P1}.</p>
                """);
            LanguageTable(html, m);
            ClassTable(html, m);
            html.Append("<h3>Confusion matrix</h3><p>Rows: true label; columns: predicted.</p>");
            Confusion(html, m);
            html.Append("<h3>Reliability</h3>");
            html.Append(ReliabilitySvg(m.Reliability));
            html.Append("</section>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>Bars of accuracy per confidence bin against the diagonal of perfect calibration; bar width shows how many predictions fell in the bin.</summary>
    public static string ReliabilitySvg(IReadOnlyList<ReliabilityBin> bins)
    {
        const int size = 300, pad = 40;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{size + (2 * pad)}" height="{size + (2 * pad)}" role="img" aria-label="reliability diagram">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{pad}" y="{pad}" width="{size}" height="{size}" fill="#fafafa" stroke="#999"/>""");
        var max = Math.Max(1, bins.Max(b => b.Count));
        foreach (var bin in bins)
        {
            var x = pad + (bin.Lower * size);
            var width = (bin.Upper - bin.Lower) * size;
            var height = bin.Accuracy * size;
            var opacity = bin.Count == 0 ? 0 : 0.25 + (0.75 * bin.Count / max);
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x:F1}" y="{pad + size - height:F1}" width="{width - 2:F1}" height="{height:F1}" fill="#3b7dd8" fill-opacity="{opacity:F2}"><title>confidence {bin.Lower:F1}-{bin.Upper:F1}: n={bin.Count}, mean confidence {bin.MeanConfidence:F3}, accuracy {bin.Accuracy:F3}</title></rect>""");
            if (bin.Count > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{pad + (bin.MeanConfidence * size):F1}" cy="{pad + size - (bin.Accuracy * size):F1}" r="3" fill="#c33"/>""");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{pad}" y1="{pad + size}" x2="{pad + size}" y2="{pad}" stroke="#555" stroke-dasharray="4 3"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{pad + (size / 2)}" y="{pad + size + 28}" text-anchor="middle" font-size="12">confidence</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="12" y="{pad + (size / 2)}" text-anchor="middle" font-size="12" transform="rotate(-90 12 {pad + (size / 2)})">accuracy</text>""");
        for (var t = 0; t <= 10; t += 5)
        {
            var v = t / 10.0;
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{pad + (v * size)}" y="{pad + size + 14}" text-anchor="middle" font-size="10">{v:F1}</text><text x="{pad - 4}" y="{pad + size - (v * size) + 3}" text-anchor="end" font-size="10">{v:F1}</text>""");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void LanguageTable(StringBuilder html, HeadMetrics m)
    {
        html.Append("<table><tr><th class=\"l\">language</th><th>n</th><th>accuracy</th><th>macro-F1</th><th>coverage</th><th>precision at thresholds</th></tr>");
        foreach (var (language, l) in m.ByLanguage)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"l\">{E(language)}</td><td>{l.Count}</td><td>{l.Accuracy:F3}</td><td>{l.MacroF1:F3}</td><td>{l.Coverage:P1}</td><td>{l.PrecisionAtThresholds:P1}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void ClassTable(StringBuilder html, HeadMetrics m)
    {
        html.Append("<table><tr><th class=\"l\">label</th><th>precision</th><th>recall</th><th>F1</th><th>support</th><th>predicted</th></tr>");
        foreach (var c in m.PerClass)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"l\">{E(c.Label)}</td><td>{c.Precision:F3}</td><td>{c.Recall:F3}</td><td>{c.F1:F3}</td><td>{c.Support}</td><td>{c.Predicted}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Confusion(StringBuilder html, HeadMetrics m)
    {
        html.Append("<table><tr><th class=\"l\">true \\ predicted</th>");
        foreach (var label in m.Labels)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(label)}</th>");
        }

        html.Append("</tr>");
        for (var i = 0; i < m.Labels.Count; i++)
        {
            var rowTotal = Math.Max(1, m.Confusion[i].Sum());
            html.Append(CultureInfo.InvariantCulture, $"<tr><th class=\"l\">{E(m.Labels[i])}</th>");
            for (var j = 0; j < m.Labels.Count; j++)
            {
                var share = m.Confusion[i][j] / (double)rowTotal;
                var colour = i == j ? $"rgba(46,160,67,{share:F2})" : $"rgba(220,60,60,{share:F2})";
                html.Append(CultureInfo.InvariantCulture, $"<td style=\"background:{colour}\">{m.Confusion[i][j]}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
