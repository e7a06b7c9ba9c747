namespace Triage.Classifier.Inference;

/// <summary>The index of the largest probability, the first one on ties (as the label order decides).</summary>
internal static class ArgMax
{
    public static int Of(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
            }
        }

        return best;
    }
}
