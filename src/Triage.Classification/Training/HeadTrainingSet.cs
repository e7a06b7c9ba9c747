using Microsoft.ML;
using Microsoft.ML.Data;
using Triage.Classifier.Data;
using Triage.Classifier.Features;

namespace Triage.Classifier.Training;

/// <summary>
/// One head's training and validation data, featurized once and cached, with its labels mapped to keys
/// in a fixed (sorted) order so every candidate trainer of the head numbers the classes the same way.
/// </summary>
internal sealed class HeadTrainingSet
{
    private HeadTrainingSet(string head, IReadOnlyList<string> labels, ITransformer labelMap, IDataView train, IDataView validation,
        IReadOnlyList<(TrainingExample Example, string Label)> trainRows, IReadOnlyList<(TrainingExample Example, string Label)> validationRows)
    {
        Head = head;
        Labels = labels;
        LabelMap = labelMap;
        Train = train;
        Validation = validation;
        TrainRows = trainRows;
        ValidationRows = validationRows;
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        TrainLabels = trainRows.Select(r => index[r.Label]).ToArray();
        ValidationLabels = validationRows.Select(r => index.TryGetValue(r.Label, out var i) ? i : -1).ToArray();
    }

    public string Head { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>Label text to key: applied to training views only, never part of a saved model.</summary>
    public ITransformer LabelMap { get; }

    public IDataView Train { get; }

    /// <summary>
    /// <see cref="Train"/> narrowed to what a head model reads: its label, its features and the weight.
    /// A prediction transformer keeps the schema it was fitted on for as long as it lives, and the full
    /// featurized schema names every slot of four wide vectors (about 400,000 names): fitted on it, each
    /// head cost a serving process some 30 MB.
    /// </summary>
    public IDataView HeadTrain { get; private init; } = null!;

    public IDataView Validation { get; }

    public IReadOnlyList<(TrainingExample Example, string Label)> TrainRows { get; }

    public IReadOnlyList<(TrainingExample Example, string Label)> ValidationRows { get; }

    public int[] TrainLabels { get; }

    /// <summary>Class index per validation row; -1 for a label the training rows never had.</summary>
    public int[] ValidationLabels { get; }

    /// <summary>Score columns of heads trained before this one, present in <see cref="Train"/> and <see cref="Validation"/> for a stacked model to read.</summary>
    public IReadOnlyList<string> ContextColumns { get; private init; } = [];

    /// <param name="context">Heads already trained, applied after featurizing so this head's stacked candidate can use their scores (urgency reads category and intent).</param>
    public static HeadTrainingSet? Build(MLContext ml, string head, ITransformer featurizer, IReadOnlyList<TrainingExample> train, IReadOnlyList<TrainingExample> validation, IReadOnlyDictionary<string, ITransformer>? context = null)
    {
        var trainRows = Labeled(train, head);
        if (trainRows.Count == 0)
        {
            return null;
        }

        var labels = trainRows.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var keyData = ml.Data.LoadFromEnumerable(labels.Select(l => new LabelRow { Label = l }));
        var labelMap = ml.Transforms.Conversion.MapValueToKey(FeatureColumns.LabelKey, FeatureColumns.Label, keyData: keyData).Fit(keyData);
        var validationRows = Labeled(validation, head);
        ITransformer pipeline = featurizer;
        if (context is { Count: > 0 })
        {
            pipeline = new TransformerChain<ITransformer>([featurizer, .. context.Values]);
        }

        var trainView = View(ml, pipeline, labelMap, trainRows);
        return new HeadTrainingSet(head, labels, labelMap, trainView, View(ml, pipeline, labelMap, validationRows), trainRows, validationRows)
        {
            ContextColumns = context?.Keys.Select(FeatureColumns.ScoreOf).ToList() ?? [],
            HeadTrain = ml.Transforms.SelectColumns(FeatureColumns.LabelKey, FeatureColumns.FeaturesOf(head), FeatureColumns.Weight).Fit(trainView).Transform(trainView),
        };
    }

    /// <summary>Featurizes rows of this head into a cached view with the label key column.</summary>
    public IDataView ViewOf(MLContext ml, ITransformer featurizer, IReadOnlyList<(TrainingExample Example, string Label)> rows) => View(ml, featurizer, LabelMap, rows);

    private static List<(TrainingExample Example, string Label)> Labeled(IReadOnlyList<TrainingExample> rows, string head) =>
        rows.Where(r => r.LabelFor(head) is not null).Select(r => (r, r.LabelFor(head)!)).ToList();

    /// <summary>
    /// Class weights n / (k * count), dampened by a square root: full inverse-frequency weighting makes
    /// a class of 40 examples count like one of 1,000 and over-predicts it; the root meets halfway.
    /// </summary>
    public static IReadOnlyDictionary<string, float> ClassWeights(IReadOnlyList<string> labels)
    {
        var counts = labels.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return counts.ToDictionary(p => p.Key, p => (float)Math.Sqrt(labels.Count / (double)(counts.Count * p.Value)), StringComparer.Ordinal);
    }

    private static IDataView View(MLContext ml, ITransformer featurizer, ITransformer labelMap, IReadOnlyList<(TrainingExample Example, string Label)> rows)
    {
        var weights = ClassWeights(rows.Select(r => r.Label).ToList());
        var raw = ml.Data.LoadFromEnumerable(rows.Select((r, i) => LabeledModelInput.From(r.Example.Input, r.Label, i, weights[r.Label] * r.Example.Weight)).ToList());
        return ml.Data.Cache(labelMap.Transform(featurizer.Transform(raw)));
    }

    private sealed class LabelRow
    {
        public string Label { get; set; } = "";
    }
}
