namespace Triage.Classifier.Training;

/// <summary>The candidate trainers of the bake-off, by the names the model card uses.</summary>
public static class TrainerKind
{
    public const string Sdca = "SdcaMaximumEntropy";
    public const string LightGbm = "LightGbm";
    public const string FastTreeStack = "OneVersusAll(FastTree) over SDCA scores + channel + cues";

    public static IReadOnlyList<string> All { get; } = [Sdca, LightGbm, FastTreeStack];
}
