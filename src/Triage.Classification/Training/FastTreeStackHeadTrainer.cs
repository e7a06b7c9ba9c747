using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Triage.Classifier.Features;

namespace Triage.Classifier.Training;

/// <summary>
/// One-versus-all FastTree over compact features: the linear model's class probabilities, the channel
/// and the urgency cues. Trees on the sparse n-grams directly are slow and over-confident; on a few
/// dozen dense columns they are fast and can learn interactions the linear model cannot (a phone note
/// about a failed payment is more urgent than a web form about one). The trees are trained on
/// cross-validated linear scores, so they learn how far to trust the linear model on unseen text,
/// not on text it has memorized.
/// </summary>
internal sealed class FastTreeStackHeadTrainer(SdcaHeadTrainer linearTrainer, int seed, int foldCount = 3, int trees = 100, int leaves = 12) : IHeadTrainer
{
    public string Name => TrainerKind.FastTreeStack;

    public IReadOnlyDictionary<string, string> HyperParameters => new Dictionary<string, string>
    {
        ["folds"] = foldCount.ToString(CultureInfo.InvariantCulture),
        ["foldLinearIterations"] = "15",
        ["trees"] = trees.ToString(CultureInfo.InvariantCulture),
        ["leaves"] = leaves.ToString(CultureInfo.InvariantCulture),
        ["learningRate"] = "0.1",
        ["minExamplesPerLeaf"] = "10",
    };

    public ITransformer Fit(MLContext ml, HeadTrainingSet set, ITransformer? linear, CancellationToken ct)
    {
        linear ??= linearTrainer.Fit(ml, set, null, ct);
        var classes = set.Labels.Count;
        var outOfFold = new float[set.TrainRows.Count][];
        var strata = set.TrainRows.Select(r => r.Label).ToList();
        var folds = ValidationSplit.Folds(set.TrainRows.Select(r => r.Example.Id).ToList(), strata, foldCount, seed);
        var foldOf = new int[set.TrainRows.Count];
        for (var f = 0; f < folds.Count; f++)
        {
            foreach (var row in folds[f])
            {
                foldOf[row] = f;
            }
        }

        // A cheaper linear model than the head's own: the trees only need scores as good as unseen text gets.
        var oofTrainer = new SdcaHeadTrainer(iterations: 15);
        for (var f = 0; f < folds.Count; f++)
        {
            ct.ThrowIfCancellationRequested();
            var fold = f;
            var foldTrain = ml.Data.FilterByCustomPredicate<RowIndex>(set.Train, r => foldOf[(int)r.Row] == fold);
            var foldTest = ml.Data.FilterByCustomPredicate<RowIndex>(set.Train, r => foldOf[(int)r.Row] != fold);
            var scored = oofTrainer.CreateEstimator(ml, set.Head).Fit(foldTrain).Transform(foldTest);
            var scores = ScoreColumn.Read(scored, FeatureColumns.Score);
            var rows = ScoreColumn.ReadScalar(scored, FeatureColumns.Row);
            for (var i = 0; i < rows.Length; i++)
            {
                outOfFold[(int)rows[i]] = scores[i];
            }
        }

        var weights = HeadTrainingSet.ClassWeights(set.TrainRows.Select(r => r.Label).ToList());
        var contexts = set.ContextColumns.Select(c => ScoreColumn.Read(set.Train, c)).ToList();
        var channels = ScoreColumn.Read(set.Train, FeatureColumns.ChannelFeatures);
        var cues = ScoreColumn.Read(set.Train, FeatureColumns.Cues);
        var stackRows = Enumerable.Range(0, outOfFold.Length).Select(i => new StackRow
        {
            LinearScore = outOfFold[i],
            ChannelFeatures = channels[i],
            Cues = cues[i],
            Label = set.TrainRows[i].Label,
            Weight = weights[set.TrainRows[i].Label] * set.TrainRows[i].Example.Weight,
            Context = contexts.Count == 0 ? [0f] : contexts.SelectMany(c => c[i]).ToArray(),
        }).ToList();
        var schema = SchemaDefinition.Create(typeof(StackRow));
        schema[nameof(StackRow.LinearScore)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, classes);
        schema[nameof(StackRow.LinearScore)].ColumnName = FeatureColumns.LinearScoreOf(set.Head);
        schema[nameof(StackRow.ChannelFeatures)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, channels[0].Length);
        schema[nameof(StackRow.Cues)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, cues[0].Length);
        schema[nameof(StackRow.Context)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, stackRows[0].Context.Length);

        var binary = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = trees,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = 10,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            Seed = seed,
            FeatureColumnName = FeatureColumns.StackFeaturesOf(set.Head),
            LabelColumnName = FeatureColumns.LabelKey,
            ExampleWeightColumnName = FeatureColumns.Weight,
        });
        // The context heads' scores are packed into one column here; at serving time the same packing is
        // done by a Concatenate over their score columns, which the pipeline has computed by then.
        var contextColumn = FeatureColumns.ContextOf(set.Head);
        schema[nameof(StackRow.Context)].ColumnName = contextColumn;
        string[] inputs = set.ContextColumns.Count > 0
            ? [FeatureColumns.LinearScoreOf(set.Head), contextColumn, FeatureColumns.ChannelFeatures, FeatureColumns.Cues]
            : [FeatureColumns.LinearScoreOf(set.Head), FeatureColumns.ChannelFeatures, FeatureColumns.Cues];
        var stackView = ml.Data.LoadFromEnumerable(stackRows, schema);
        var stack = ml.Transforms.Concatenate(FeatureColumns.StackFeaturesOf(set.Head), inputs)
            .Append(ml.MulticlassClassification.Trainers.OneVersusAll(binary, labelColumnName: FeatureColumns.LabelKey))
            .Fit(set.LabelMap.Transform(stackView));

        var linearScored = linear.Transform(set.Train);
        var copy = ml.Transforms.CopyColumns(FeatureColumns.LinearScoreOf(set.Head), FeatureColumns.Score).Fit(linearScored);
        if (set.ContextColumns.Count == 0)
        {
            return new TransformerChain<ITransformer>(linear, copy, stack);
        }

        var pack = ml.Transforms.Concatenate(contextColumn, [.. set.ContextColumns]).Fit(set.Train);
        return new TransformerChain<ITransformer>(linear, copy, pack, stack);
    }

    private sealed class RowIndex
    {
        public float Row { get; set; }
    }

    private sealed class StackRow
    {
        public float[] LinearScore { get; set; } = [];

        public float[] ChannelFeatures { get; set; } = [];

        public float[] Cues { get; set; } = [];

        public string Label { get; set; } = "";

        public float Weight { get; set; }

        public float[] Context { get; set; } = [];
    }
}
