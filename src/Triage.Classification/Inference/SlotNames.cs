namespace Triage.Classifier.Inference;

/// <summary>
/// Turns ML.NET's feature slot names into terms a representative can read: word n-grams "please|refund"
/// become "please refund", character n-grams "<␂>|환|불" become "환불", and the channel and cue slots get
/// their meaning ("channel: phone", "cue: time-pressure"). Single characters explain nothing and are dropped,
/// and so are character n-grams without Hangul: they exist to carry Korean, and for Latin text the word
/// n-grams say the same thing readably ("refund" rather than "efun").
/// </summary>
internal static class SlotNames
{
    public static string Display(string slot)
    {
        var name = slot;
        foreach (var prefix in new[] { "TextFeatures.", "WordFeatures.", "CharFeatures.", "ChannelFeatures.", "Cues." })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = name[prefix.Length..];
                return prefix switch
                {
                    "WordFeatures." => Display(rest.StartsWith("Word.", StringComparison.Ordinal) ? rest : "Word." + rest),
                    "CharFeatures." => Display(rest.StartsWith("Char.", StringComparison.Ordinal) ? rest : "Char." + rest),
                    "ChannelFeatures." => "channel: " + name[prefix.Length..],
                    "Cues." => "cue: " + CueName(name[prefix.Length..]),
                    _ => Display(name[prefix.Length..]),
                };
            }
        }

        if (name.StartsWith("Char.", StringComparison.Ordinal) || name.StartsWith("Word.", StringComparison.Ordinal))
        {
            var isChar = name[0] == 'C';
            var parts = name[5..].Split('|');
            var text = isChar
                ? string.Concat(parts.Select(p => p switch { "<␠>" => " ", "<␂>" or "<␃>" => "", _ => p })).Trim()
                : string.Join(' ', parts);
            // Digit runs were all turned into "0": "0 0" or "0 and" name no word a representative wrote.
            var isAboutANumber = text.Split(' ').All(w => w == "0") || (!isChar && text.Split(' ').Contains("0"));
            return text.Length < 2 || (isChar && !text.Any(IsHangul)) || isAboutANumber ? "" : text;
        }

        return name;
    }

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3' or >= '\u3131' and <= '\u318E';

    private static string CueName(string slot) =>
        int.TryParse(slot, out var index) && index >= 0 && index < Features.UrgencyCues.Names.Count ? Features.UrgencyCues.Names[index] : slot;
}
