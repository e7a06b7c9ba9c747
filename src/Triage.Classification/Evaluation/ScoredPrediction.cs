namespace Triage.Classifier.Evaluation;

/// <summary>One head's prediction for one labeled row, as the metrics need it.</summary>
public sealed record ScoredPrediction(string Truth, string Predicted, double Confidence, bool Abstained, string Language)
{
    public bool Correct => Truth == Predicted;
}
