using Microsoft.ML.Data;
using Triage.Classifier.Calibration;
using Triage.Core.Classification;

namespace Triage.Classifier.Inference;

/// <summary>
/// Turns one head's raw scores into its answer: calibrated probabilities (temperature), the top label
/// and the top three, the label's abstention threshold, and the evidence terms. Immutable.
/// </summary>
internal sealed class HeadRuntime
{
    public const int TopCount = 3;
    public const int EvidenceCount = 5;

    private readonly double[] _thresholds;

    public HeadRuntime(string head, IReadOnlyList<string> labels, double temperature, IReadOnlyDictionary<string, double> thresholds, LinearEvidence evidence)
    {
        Head = head;
        Labels = labels;
        Temperature = temperature;
        Evidence = evidence;
        _thresholds = labels.Select(l => thresholds.TryGetValue(l, out var t) ? t : 1.0).ToArray();
    }

    public string Head { get; }

    public IReadOnlyList<string> Labels { get; }

    public double Temperature { get; }

    public LinearEvidence Evidence { get; }

    public HeadPrediction Predict(float[] scores, in VBuffer<float> features) => Decide(Probabilities(scores), features);

    /// <summary>The calibrated probabilities of the raw scores, in <see cref="Labels"/> order.</summary>
    public double[] Probabilities(float[] scores)
    {
        var probabilities = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            probabilities[i] = scores[i];
        }

        TemperatureScaling.Apply(probabilities, Temperature);
        return probabilities;
    }

    /// <summary>The answer for calibrated (and possibly blended) probabilities: label, top three, threshold, evidence.</summary>
    public HeadPrediction Decide(double[] probabilities, in VBuffer<float> features)
    {
        var order = new int[probabilities.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => probabilities[b].CompareTo(probabilities[a]) is var c && c != 0 ? c : a.CompareTo(b));
        var best = order[0];
        var top = order.Take(TopCount).Select(i => new LabelProbability(Labels[i], Math.Round(probabilities[i], 4))).ToList();
        var confidence = probabilities[best];
        return new HeadPrediction(Head, Labels[best], Math.Round(confidence, 4), _thresholds[best], confidence < _thresholds[best], top,
            Evidence.Explain(features, best, EvidenceCount));
    }
}
