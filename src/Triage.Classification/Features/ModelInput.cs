using Triage.Core.Tickets;
using Microsoft.ML.Data;
using Triage.Classifier.Data;
using Triage.Core.Classification;

namespace Triage.Classifier.Features;

/// <summary>
/// The row every model in a bundle reads. It has no label column on purpose: labels travel in
/// <see cref="LabeledModelInput"/> during training only, so a saved model cannot depend on them.
/// </summary>
public class ModelInput
{
    public string Text { get; set; } = "";

    /// <summary>The words of <see cref="Text"/> that contain Hangul: the only ones character n-grams are taken from.</summary>
    public string Chars { get; set; } = "";

    public string Channel { get; set; } = "";

    [VectorType(UrgencyCues.Count)]
    public float[] Cues { get; set; } = new float[UrgencyCues.Count];

    public static ModelInput From(ClassifierInput input) => Fill(new ModelInput(), input);

    protected static T Fill<T>(T row, ClassifierInput input)
        where T : ModelInput
    {
        row.Text = ModelText.Prepare(input.Text);
        row.Chars = ModelText.HangulWords(row.Text);
        row.Channel = ChannelNames.Of(input.Channel);
        row.Cues = UrgencyCues.Extract(input.Text);
        return row;
    }
}

/// <summary>A training row for one head: the model input and that head's label.</summary>
public sealed class LabeledModelInput : ModelInput
{
    public string Label { get; set; } = "";

    /// <summary>The row's position in its training view, so cross-validated scores can be put back in place.</summary>
    public float Row { get; set; }

    /// <summary>How much the row counts in training: rare labels weigh more, so macro-F1 is not traded for the majority class.</summary>
    public float Weight { get; set; } = 1f;

    public static LabeledModelInput From(ClassifierInput input, string label, int row = 0, float weight = 1f)
    {
        var result = Fill(new LabeledModelInput(), input);
        result.Label = label;
        result.Row = row;
        result.Weight = weight;
        return result;
    }
}
