using System.Text;

namespace Triage.Core.Text;

/// <summary>Line breaks unified, runs of spaces collapsed, blank-line runs cut to one, control characters gone.</summary>
internal static class Whitespace
{
    public static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        var newlines = 0;
        foreach (var raw in text)
        {
            var c = raw is '\r' or '\u2028' or '\u2029' or '\u0085' ? '\n' : raw;
            if (c == '\n')
            {
                pendingSpace = false;
                newlines++;
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = true;
                continue;
            }

            if (sb.Length > 0)
            {
                if (newlines > 0)
                {
                    sb.Append(newlines > 1 ? "\n\n" : "\n");
                }
                else if (pendingSpace)
                {
                    sb.Append(' ');
                }
            }

            newlines = 0;
            pendingSpace = false;
            sb.Append(c);
        }

        return sb.ToString();
    }
}
