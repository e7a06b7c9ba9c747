namespace Triage.Core.Text;

/// <summary>What the normalizer found and cleaned; kept so a caller can tell raw text was noisy.</summary>
[Flags]
public enum NoiseKinds
{
    None = 0,
    InvisibleCharacters = 1 << 0,
    Html = 1 << 1,
    EscapeSequences = 1 << 2,
    JsonFragment = 1 << 3,
    MailQuote = 1 << 4,
    Mojibake = 1 << 5,
    CompatibilityForms = 1 << 6,
}
