namespace Triage.Classifier.Features;

/// <summary>Column names shared by the featurizer, the heads and the runtime.</summary>
public static class FeatureColumns
{
    public const string Text = nameof(ModelInput.Text);
    public const string Channel = nameof(ModelInput.Channel);
    public const string Chars = nameof(ModelInput.Chars);
    public const string WordFeatures = "WordFeatures";
    public const string CharFeatures = "CharFeatures";
    public const string Cues = nameof(ModelInput.Cues);
    public const string Label = nameof(LabeledModelInput.Label);
    public const string Row = nameof(LabeledModelInput.Row);
    public const string Weight = nameof(LabeledModelInput.Weight);
    public const string LabelKey = "LabelKey";
    public const string Score = "Score";
    public const string TextFeatures = "TextFeatures";
    public const string ChannelFeatures = "ChannelFeatures";
    public const string UrgencyFeatures = "UrgencyFeatures";

    /// <summary>Where a head leaves its probabilities once its scorer's generic "Score" is renamed.</summary>
    public static string ScoreOf(string head) => Pascal(head) + "Score";

    /// <summary>Where a stacked head keeps its linear model's scores, the input of the trees.</summary>
    public static string LinearScoreOf(string head) => Pascal(head) + "LinearScore";

    public static string StackFeaturesOf(string head) => Pascal(head) + "StackFeatures";

    /// <summary>The earlier heads' scores packed into one vector for a stacked head.</summary>
    public static string ContextOf(string head) => Pascal(head) + "Context";

    /// <summary>The feature column a head's linear model reads: text for category and intent, text plus channel and cues for urgency.</summary>
    public static string FeaturesOf(string head) => head == Data.HeadNames.Urgency ? UrgencyFeatures : TextFeatures;

    private static string Pascal(string head) => char.ToUpperInvariant(head[0]) + head[1..];
}
