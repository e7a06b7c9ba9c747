using Triage.Classifier.Calibration;

namespace Triage.Classifier.Evaluation;

public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support, int Predicted);

/// <summary>
/// How one head did on one labeled set: accuracy and macro-F1 over every prediction, per-class
/// precision and recall, the confusion matrix (rows: true label, columns: predicted), calibration, and
/// what the abstention thresholds cost and bought (coverage, and precision on what was not abstained).
/// </summary>
public sealed record HeadMetrics(
    int Count,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<ClassMetrics> PerClass,
    IReadOnlyList<string> Labels,
    IReadOnlyList<IReadOnlyList<int>> Confusion,
    double ExpectedCalibrationError,
    IReadOnlyList<ReliabilityBin> Reliability,
    double Coverage,
    double PrecisionAtThresholds,
    IReadOnlyDictionary<string, LanguageMetrics> ByLanguage);

public sealed record LanguageMetrics(int Count, double Accuracy, double MacroF1, double Coverage, double PrecisionAtThresholds);
