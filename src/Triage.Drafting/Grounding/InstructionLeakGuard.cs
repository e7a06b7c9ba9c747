using System.Text.RegularExpressions;

namespace Triage.Drafting.Grounding;

/// <summary>
/// Recognises a reply that repeats the prompt's own wording, which is what a successful "reveal your system prompt"
/// looks like. Every run of <see cref="Window"/> characters of the template's fixed text (variables and message tags
/// left out) is remembered; a reply containing any of them is rejected. Checking only the windows that end in newly
/// streamed text keeps the streamed path incremental: at most <see cref="Window"/> − 1 characters of instructions can
/// have been forwarded before the guard trips.
/// </summary>
internal sealed partial class InstructionLeakGuard
{
    /// <summary>Long enough that an ordinary reply never matches by chance (about six English words, a Korean clause).</summary>
    public const int Window = 32;

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _windows;

    public InstructionLeakGuard(string template)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var fixedText = Markup().Replace(template, "\n");
        foreach (var line in fixedText.Split('\n', StringSplitOptions.TrimEntries))
        {
            for (var i = 0; i + Window <= line.Length; i++)
            {
                set.Add(line.Substring(i, Window));
            }
        }

        _windows = set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Leaks(string text) => LeaksFrom(text, 0);

    /// <summary>Whether a window that ends at or after <paramref name="from"/> repeats the instructions.</summary>
    public bool LeaksFrom(string text, int from)
    {
        var firstEnd = Math.Max(Window, from + 1);
        for (var end = firstEnd; end <= text.Length; end++)
        {
            if (_windows.Contains(text.AsSpan(end - Window, Window)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Template variables and chat-message tags: not instruction wording a reply could leak.</summary>
    [GeneratedRegex(@"\{\{.*?\}\}|</?message[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();
}
