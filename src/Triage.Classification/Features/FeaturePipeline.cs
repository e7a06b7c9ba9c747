using Microsoft.ML;
using Microsoft.ML.Transforms.Text;
using Triage.Classifier.Data;

namespace Triage.Classifier.Features;

/// <summary>
/// The featurizer every head shares, fitted once per bundle: TF-IDF weighted word 1-2-grams and
/// character 1-4-grams of the prepared text (the character n-grams carry Korean, whose words ML.NET cannot split), the
/// channel one-hot over a fixed channel list (so a channel missing from one export still has its slot),
/// and the urgency features (text, channel and cues) the urgency head reads.
/// </summary>
public static class FeaturePipeline
{
    public static IEstimator<ITransformer> Create(MLContext ml, FeaturizerSettings settings)
    {
        var text = new TextFeaturizingEstimator.Options
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
        var channels = ml.Data.LoadFromEnumerable(new[] { "email", "chat", "phone", "social", "web_form" }.Select(c => new ChannelRow { Channel = c }));
        return ml.Transforms.Text.FeaturizeText(FeatureColumns.TextFeatures, text, FeatureColumns.Text)
            .Append(ml.Transforms.Categorical.OneHotEncoding(FeatureColumns.ChannelFeatures, FeatureColumns.Channel, keyData: channels))
            .Append(ml.Transforms.Concatenate(FeatureColumns.UrgencyFeatures, FeatureColumns.TextFeatures, FeatureColumns.ChannelFeatures, FeatureColumns.Cues));
    }

    private sealed class ChannelRow
    {
        public string Channel { get; set; } = "";
    }
}
