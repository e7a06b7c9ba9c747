namespace Triage.Core.Text;

/// <summary>
/// Turns raw ticket text into the clean text every later stage (classifier, embedder, drafter) reads.
/// The order matters: markup and escapes are undone first so that what they hid (a zero-width space
/// behind <c>\u200b</c>, a no-break space behind <c>&amp;nbsp;</c>) is cleaned by the steps after them.
/// Stateless and thread-safe.
/// </summary>
public sealed class TextNormalizer
{
    public static TextNormalizer Instance { get; } = new();

    public NormalizedText Normalize(string? raw)
    {
        var original = raw ?? string.Empty;
        var noise = NoiseKinds.None;
        var text = Mojibake.Repair(original, ref noise);
        text = HtmlRemnants.Clean(text, ref noise);
        text = JsonFragments.Replace(text, ref noise);
        text = EscapeSequences.Decode(text, ref noise);
        text = InvisibleCharacters.Clean(text, ref noise);
        text = CompatibilityForms.Normalize(text, ref noise);

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        text = MailRemnants.Strip(text, ref noise);
        text = Mojibake.DropDebris(text, ref noise);
        return new NormalizedText(original, Whitespace.Collapse(text), noise);
    }

    /// <summary>Subject and body as one text, the subject first on its own line.</summary>
    public NormalizedText Normalize(string? subject, string? body)
    {
        var joined = string.IsNullOrWhiteSpace(subject) ? body ?? string.Empty : subject + "\n" + body;
        return Normalize(joined);
    }
}
