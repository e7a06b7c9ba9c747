using Triage.Core.Tickets;
using Microsoft.ML;
using Microsoft.ML.Transforms.Text;
using Triage.Classifier.Data;

namespace Triage.Classifier.Features;

/// <summary>
/// The featurizer every head shares, fitted once per bundle: TF-IDF weighted word 1-2-grams of the
/// prepared text and character 1-4-grams of its Hangul words (the character n-grams carry Korean, whose
/// words ML.NET cannot split; English is served by the word n-grams), the
/// channel one-hot over a fixed channel list (so a channel missing from one export still has its slot),
/// and the urgency features (text, channel and cues) the urgency head reads.
/// It comes in two parts, the text featurizer and the assembly of the rest, because ML.NET computes a
/// column anew for every consumer within a row: serving runs the text featurizer once in its own
/// prediction engine and hands the vector to a second engine for everything downstream.
/// </summary>
public static class FeaturePipeline
{
    public static IEstimator<ITransformer> Create(MLContext ml, FeaturizerSettings settings) => CreateText(ml, settings).Append(CreateAssembly(ml));

    /// <summary>Fits both parts and returns them separately, as the bundle stores them.</summary>
    public static (ITransformer Text, ITransformer Assembly) Fit(MLContext ml, FeaturizerSettings settings, IDataView data)
    {
        var text = CreateText(ml, settings).Fit(data);
        var assembly = CreateAssembly(ml).Fit(text.Transform(data));
        return (text, assembly);
    }

    public static IEstimator<ITransformer> CreateText(MLContext ml, FeaturizerSettings settings)
    {
        var words = Options(settings);
        words.CharFeatureExtractor = null;
        var chars = Options(settings);
        chars.WordFeatureExtractor = null;
        return ml.Transforms.Text.FeaturizeText(FeatureColumns.WordFeatures, words, FeatureColumns.Text)
            .Append(ml.Transforms.Text.FeaturizeText(FeatureColumns.CharFeatures, chars, FeatureColumns.Chars))
            .Append(ml.Transforms.Concatenate(FeatureColumns.TextFeatures, FeatureColumns.WordFeatures, FeatureColumns.CharFeatures));
    }

    private static TextFeaturizingEstimator.Options Options(FeaturizerSettings settings) => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.None,
        KeepDiacritics = true,
        KeepNumbers = true,
        KeepPunctuations = false,
        Norm = TextFeaturizingEstimator.NormFunction.L2,
        WordFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = settings.WordNgramLength,
            Weighting = Enum.Parse<NgramExtractingEstimator.WeightingCriteria>(settings.Weighting),
            UseAllLengths = true,
            MaximumNgramsCount = [settings.MaxWordNgrams],
        },
        CharFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = settings.CharNgramLength,
            Weighting = Enum.Parse<NgramExtractingEstimator.WeightingCriteria>(settings.Weighting),
            UseAllLengths = true,
            MaximumNgramsCount = [settings.MaxCharNgrams],
        },
    };

    public static IEstimator<ITransformer> CreateAssembly(MLContext ml)
    {
        var channels = ml.Data.LoadFromEnumerable(ChannelNames.All.Select(c => new ChannelRow { Channel = c }));
        return ml.Transforms.Categorical.OneHotEncoding(FeatureColumns.ChannelFeatures, FeatureColumns.Channel, keyData: channels)
            .Append(ml.Transforms.Concatenate(FeatureColumns.UrgencyFeatures, FeatureColumns.TextFeatures, FeatureColumns.ChannelFeatures, FeatureColumns.Cues));
    }

    private sealed class ChannelRow
    {
        public string Channel { get; set; } = "";
    }
}
