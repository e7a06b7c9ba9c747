namespace Triage.Core.Text;

/// <summary>
/// The cleaned text every later stage works on, next to the original it came from: normalization is
/// lossy by design (noise goes), so the original is what gets stored and shown.
/// </summary>
public sealed record NormalizedText(string Original, string Text, NoiseKinds Noise)
{
    public bool IsEmpty => Text.Length == 0;
}
