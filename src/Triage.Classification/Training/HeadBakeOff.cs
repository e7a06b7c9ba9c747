using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Triage.Classifier.Bundle;
using Triage.Classifier.Calibration;
using Triage.Classifier.Evaluation;
using Triage.Classifier.Features;
using Triage.Classifier.Inference;

namespace Triage.Classifier.Training;

/// <summary>
/// Trains one head's candidates, scores each on the validation split and keeps the best by macro-F1,
/// except that a candidate listed earlier (cheaper to serve: the linear model first) wins when it is
/// within the selection margin of the best: a difference that small is validation noise, while the
/// latency of a stacked head is paid on every ticket. Then calibrates the choice (temperature on
/// validation) and sets its per-class thresholds for the target precision.
/// </summary>
internal sealed class HeadBakeOff(MLContext ml, TrainingOptions options, TextWriter log)
{
    public sealed record Result(ITransformer Model, ITransformer Evidence, HeadCard Card);

    public Result Run(HeadTrainingSet set, CancellationToken ct)
    {
        var linearTrainer = new SdcaHeadTrainer();
        var trainers = new List<IHeadTrainer> { linearTrainer };
        if (options.Trainers.Contains(TrainerKind.LightGbm))
        {
            trainers.Add(new LightGbmHeadTrainer(options.Seed));
        }

        if (options.Trainers.Contains(TrainerKind.FastTreeStack))
        {
            trainers.Add(new FastTreeStackHeadTrainer(linearTrainer, options.Seed));
        }

        ITransformer? linear = null;
        var candidates = new List<(IHeadTrainer Trainer, ITransformer Model, float[][] Scores, CandidateResult Result)>();
        foreach (var trainer in trainers)
        {
            ct.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            var model = trainer.Fit(ml, set, linear, ct);
            linear ??= model;
            var seconds = Math.Round(watch.Elapsed.TotalSeconds, 1);
            var scores = ScoreColumn.Read(model.Transform(set.Validation), FeatureColumns.Score);
            var predictions = Score(set, scores, 1.0);
            var metrics = MetricsCalculator.Compute(predictions);
            var result = new CandidateResult(trainer.Name, metrics.MacroF1, metrics.Accuracy, metrics.ExpectedCalibrationError, seconds, trainer.HyperParameters);
            candidates.Add((trainer, model, scores, result));
            var byOrigin = string.Join("  ", predictions.Select((p, i) => (p, Origin: Path.GetFileName(set.ValidationRows[i].Example.Origin)))
                .GroupBy(x => x.Origin).Select(g => $"{g.Key} {MetricsCalculator.MacroF1(g.Select(x => x.p).ToList()):F3}"));
            log.WriteLine($"  {set.Head,-8} {trainer.Name,-58} validation macro-F1 {metrics.MacroF1:F3}  accuracy {metrics.Accuracy:F3}  ECE {metrics.ExpectedCalibrationError:F3}  [{byOrigin}]  ({seconds:F1} s)");
        }

        var top = candidates.Max(c => c.Result.ValidationMacroF1);
        var best = candidates.First(c => c.Result.ValidationMacroF1 >= top - options.SelectionMargin);
        var temperature = TemperatureScaling.Fit(best.Scores, set.ValidationLabels);
        var calibrated = Score(set, best.Scores, temperature);
        var eceBefore = MetricsCalculator.Compute(Score(set, best.Scores, 1.0)).ExpectedCalibrationError;
        var eceAfter = MetricsCalculator.Compute(calibrated).ExpectedCalibrationError;
        var thresholds = AbstentionThresholds.Choose(set.Labels, calibrated.Select((p, i) => (p.Predicted, p.Confidence, p.Correct, set.ValidationRows[i].Example.Origin)).ToList(), options.TargetPrecision);
        log.WriteLine($"  {set.Head,-8} chose {best.Trainer.Name}; temperature {temperature:F3}, ECE {eceBefore:F3} -> {eceAfter:F3}; at thresholds: coverage {thresholds.OverallCoverage:P1}, precision {thresholds.PrecisionAtThresholds:P1}");

        var scored = best.Model.Transform(set.Train);
        var rename = ml.Transforms.CopyColumns(FeatureColumns.ScoreOf(set.Head), FeatureColumns.Score).Fit(scored);
        var headModel = new TransformerChain<ITransformer>(best.Model, rename);
        var isLinear = best.Trainer == linearTrainer;
        var card = new HeadCard
        {
            Labels = set.Labels,
            Trainer = best.Trainer.Name,
            ModelFile = BundleLayout.HeadFile(set.Head),
            EvidenceFile = isLinear ? BundleLayout.HeadFile(set.Head) : BundleLayout.EvidenceFile(set.Head),
            TrainRows = set.TrainRows.Count,
            ValidationRows = set.ValidationRows.Count,
            BakeOff = candidates.Select(c => c.Result).ToList(),
            Temperature = temperature,
            ValidationEceBefore = eceBefore,
            ValidationEceAfter = eceAfter,
            Thresholds = thresholds.Thresholds,
            ValidationCoverage = thresholds.Coverage,
            ValidationOverallCoverage = thresholds.OverallCoverage,
            ValidationPrecisionAtThresholds = thresholds.PrecisionAtThresholds,
        };
        return new Result(headModel, isLinear ? headModel : linear!, card);
    }

    /// <summary>Validation predictions at a temperature; rows whose label the training rows never had count as errors.</summary>
    private static List<ScoredPrediction> Score(HeadTrainingSet set, float[][] scores, double temperature)
    {
        var predictions = new List<ScoredPrediction>(scores.Length);
        for (var i = 0; i < scores.Length; i++)
        {
            var p = TemperatureScaling.Apply(scores[i], temperature);
            var best = ArgMax.Of(p);

            predictions.Add(new ScoredPrediction(set.ValidationRows[i].Label, set.Labels[best], p[best], false, set.ValidationRows[i].Example.Language));
        }

        return predictions;
    }
}
