using Triage.Core.Feedback;

namespace Triage.Feedback.Export;

/// <summary>The corpus <c>source</c> value of an exported row, so a trained model's card can tell where its labels came from.</summary>
public static class ExportSources
{
    public const string Corrected = "export:corrected";
    public const string Accepted = "export:accepted";

    public static string Of(LabelSource source) => source == LabelSource.Corrected ? Corrected : Accepted;
}
