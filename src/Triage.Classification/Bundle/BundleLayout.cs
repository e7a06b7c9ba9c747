namespace Triage.Classifier.Bundle;

/// <summary>The entries of a bundle zip.</summary>
public static class BundleLayout
{
    public const string CardFile = "model-card.json";
    public const string FeaturesFile = "features.mlnet";
    public const string AssemblyFile = "assembly.mlnet";

    public static string HeadFile(string head) => $"heads/{head}.mlnet";

    public static string EvidenceFile(string head) => $"heads/{head}.linear.mlnet";
}
