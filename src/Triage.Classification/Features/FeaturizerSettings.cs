namespace Triage.Classifier.Features;

/// <summary>Hyper-parameters of the text featurizer, recorded in the model card.</summary>
public sealed record FeaturizerSettings
{
    public int WordNgramLength { get; init; } = 2;

    /// <summary>
    /// Longest character n-gram of Hangul words. Three, not four: on the held-out split 3-grams scored as
    /// well or better on every head (a Hangul syllable already carries what a Latin letter pair does), with a
    /// third fewer features, a smaller bundle and faster scoring.
    /// </summary>
    public int CharNgramLength { get; init; } = 3;

    /// <summary>N-gram weighting; TF-IDF beat plain term frequency on the validation split for every head.</summary>
    public string Weighting { get; init; } = "TfIdf";

    /// <summary>Cap on distinct word n-grams kept (most frequent first): bounds the bundle size and the weights per class.</summary>
    public int MaxWordNgrams { get; init; } = 60_000;

    /// <summary>Cap on distinct character n-grams kept (most frequent first).</summary>
    public int MaxCharNgrams { get; init; } = 120_000;
}
