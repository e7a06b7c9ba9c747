namespace Triage.Classifier.Calibration;

/// <summary>One bin of a reliability diagram: predictions whose confidence fell in [Lower, Upper), how confident and how right they were.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);

/// <summary>Expected calibration error over equal-width confidence bins of the top label.</summary>
public static class CalibrationError
{
    public const int Bins = 10;

    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<(double Confidence, bool Correct)> predictions)
    {
        var bins = new List<ReliabilityBin>();
        for (var b = 0; b < Bins; b++)
        {
            double lower = (double)b / Bins, upper = (double)(b + 1) / Bins;
            var inBin = predictions.Where(p => p.Confidence >= lower && (p.Confidence < upper || (b == Bins - 1 && p.Confidence <= upper))).ToList();
            bins.Add(new ReliabilityBin(lower, upper, inBin.Count,
                inBin.Count == 0 ? 0 : inBin.Average(p => p.Confidence),
                inBin.Count == 0 ? 0 : inBin.Count(p => p.Correct) / (double)inBin.Count));
        }

        return bins;
    }

    public static double Expected(IReadOnlyList<(double Confidence, bool Correct)> predictions)
    {
        if (predictions.Count == 0)
        {
            return 0;
        }

        return Reliability(predictions).Sum(b => b.Count * Math.Abs(b.Accuracy - b.MeanConfidence)) / predictions.Count;
    }
}
