namespace Triage.Core.Classification;

/// <summary>The three heads' answers, all from the model version named here.</summary>
public sealed record TicketClassification(string ModelVersion, HeadPrediction Category, HeadPrediction Intent, HeadPrediction Urgency)
{
    public bool NeedsHumanTriage => Category.Abstained || Intent.Abstained || Urgency.Abstained;
}
