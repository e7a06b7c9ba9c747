using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Triage.Server.Validation;

/// <summary>Checks shared by every text and id field.</summary>
internal static partial class TextRules
{
    [GeneratedRegex(@"^[A-Za-z0-9._:\-]{1,128}$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    public static void RequireId(FieldErrors errors, string field, string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, "is required");
        }
        else if (!Identifier().IsMatch(value))
        {
            errors.Add(field, "must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
    }

    public static void OptionalLanguage(FieldErrors errors, string field, string value)
    {
        if (value.Length > 0 && (value.Length > 35 || !LanguageTag().IsMatch(value)))
        {
            errors.Add(field, "must be a BCP-47 language tag such as 'ko' or 'en', or empty to detect");
        }
    }

    /// <summary>Text may hold tabs and line breaks, not other control characters or broken UTF-16.</summary>
    public static void Text(FieldErrors errors, string field, string value, bool required, int? maxChars = null, int? maxUtf8Bytes = null)
    {
        if (required && IsBlank(value))
        {
            errors.Add(field, value.Length == 0 ? "is required" : "must not be blank");
            return;
        }

        if (maxChars is { } chars && value.Length > chars)
        {
            errors.Add(field, $"is {value.Length} characters; the limit is {chars}");
            return;
        }

        if (maxUtf8Bytes is { } bytes)
        {
            var count = Encoding.UTF8.GetByteCount(value);
            if (count > bytes)
            {
                errors.Add(field, $"is {count} bytes of UTF-8; the limit is {bytes}");
                return;
            }
        }

        if (FindForbidden(value) is { } position)
        {
            errors.Add(field, $"contains a control character or invalid UTF-16 at position {position}");
        }
    }

    /// <summary>
    /// Nothing visible: white space, and also format characters (zero-width spaces and joiners, BOMs) and
    /// Hangul fillers, which render as nothing and are all a blank Korean form field may hold.
    /// </summary>
    private static bool IsBlank(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format && c is not ('\u115F' or '\u1160' or '\u3164' or '\uFFA0'))
            {
                return false;
            }
        }

        return true;
    }

    private static int? FindForbidden(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if ((c < ' ' && c is not '\t' and not '\n' and not '\r') || c == '\u007F' || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return i;
            }
        }

        return null;
    }
}
