namespace Triage.Classifier.Inference;

/// <summary>
/// Turns ML.NET's feature slot names into terms a representative can read: word n-grams "please|refund"
/// become "please refund", character n-grams "<␂>|환|불" become "환불", and the channel and cue slots get
/// their meaning ("channel: phone", "cue: time-pressure"). Single characters explain nothing and are dropped.
/// </summary>
internal static class SlotNames
{
    public static string Display(string slot)
    {
        var name = slot;
        foreach (var prefix in new[] { "TextFeatures.", "ChannelFeatures.", "Cues." })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix switch
                {
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
            return text.Length < 2 ? "" : text;
        }

        return name;
    }

    private static string CueName(string slot) =>
        int.TryParse(slot, out var index) && index >= 0 && index < Features.UrgencyCues.Names.Count ? Features.UrgencyCues.Names[index] : slot;
}
