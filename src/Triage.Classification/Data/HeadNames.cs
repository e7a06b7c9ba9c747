namespace Triage.Classifier.Data;

/// <summary>The three heads every bundle predicts. Their label sets are data (read from the model), their names are the contract.</summary>
public static class HeadNames
{
    public const string Category = "category";
    public const string Intent = "intent";
    public const string Urgency = "urgency";

    public static IReadOnlyList<string> All { get; } = [Category, Intent, Urgency];
}
