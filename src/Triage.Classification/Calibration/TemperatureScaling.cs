namespace Triage.Classifier.Calibration;

/// <summary>
/// Temperature scaling (Guo et al. 2017): one number T per head, fitted on validation data by
/// minimizing the negative log-likelihood, that softens (T &gt; 1) or sharpens (T &lt; 1) the whole
/// probability vector without changing which label ranks first. It fixes the common failure, a model
/// that is right 80% of the time saying 99%, with one parameter that cannot overfit a small validation set.
/// </summary>
public static class TemperatureScaling
{
    private const double Epsilon = 1e-7;

    public static double Fit(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels)
    {
        if (probabilities.Count == 0)
        {
            return 1.0;
        }

        // NLL is unimodal in log T: golden-section search over T in [e^-3, e^3].
        double lo = -3, hi = 3;
        var phi = (Math.Sqrt(5) - 1) / 2;
        var a = hi - (phi * (hi - lo));
        var b = lo + (phi * (hi - lo));
        double fa = Nll(probabilities, labels, Math.Exp(a)), fb = Nll(probabilities, labels, Math.Exp(b));
        for (var i = 0; i < 60; i++)
        {
            if (fa < fb)
            {
                hi = b;
                b = a;
                fb = fa;
                a = hi - (phi * (hi - lo));
                fa = Nll(probabilities, labels, Math.Exp(a));
            }
            else
            {
                lo = a;
                a = b;
                fa = fb;
                b = lo + (phi * (hi - lo));
                fb = Nll(probabilities, labels, Math.Exp(b));
            }
        }

        return Math.Round(Math.Exp((lo + hi) / 2), 4);
    }

    /// <summary>Normalizes raw scores into probabilities and applies the temperature, in place.</summary>
    public static void Apply(Span<double> probabilities, double temperature)
    {
        var sum = 0.0;
        foreach (var p in probabilities)
        {
            sum += Math.Max(p, 0);
        }

        var max = double.NegativeInfinity;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = sum > 0 ? Math.Max(probabilities[i], 0) / sum : 1.0 / probabilities.Length;
            probabilities[i] = Math.Log(Math.Max(p, Epsilon)) / temperature;
            max = Math.Max(max, probabilities[i]);
        }

        var total = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = Math.Exp(probabilities[i] - max);
            total += probabilities[i];
        }

        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] /= total;
        }
    }

    public static double[] Apply(float[] scores, double temperature)
    {
        var result = scores.Select(s => (double)s).ToArray();
        Apply(result, temperature);
        return result;
    }

    private static double Nll(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels, double temperature)
    {
        var total = 0.0;
        var count = 0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            if (labels[i] < 0)
            {
                continue;
            }

            var p = Apply(probabilities[i], temperature);
            total -= Math.Log(Math.Max(p[labels[i]], Epsilon));
            count++;
        }

        return count == 0 ? 0 : total / count;
    }
}
