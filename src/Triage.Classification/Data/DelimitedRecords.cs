using System.Text;

namespace Triage.Classifier.Data;

/// <summary>
/// Splits CSV or TSV text into records (RFC 4180 quoting: fields may hold the delimiter, doubled quotes
/// and line breaks). Each record carries the line it starts on, so errors can point at it.
/// </summary>
public static class DelimitedRecords
{
    public sealed record Row(int Line, IReadOnlyList<string> Fields);

    public static IEnumerable<Row> Parse(string text, char delimiter, string file)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var inQuotes = false;
        var fieldStarted = false;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                        if (i + 1 < text.Length && text[i + 1] != delimiter && text[i + 1] != '\n' && text[i + 1] != '\r')
                        {
                            throw new TrainingDataException(file, line, $"text after a closing quote in field {fields.Count + 1}");
                        }
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && field.Length == 0 && !fieldStarted)
            {
                inQuotes = true;
                fieldStarted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
                if (fields.Count > 1 || fields[0].Length > 0)
                {
                    yield return new Row(rowLine, fields.ToArray());
                }

                fields.Clear();
                line++;
                rowLine = line;
            }
            else
            {
                field.Append(c);
                fieldStarted = true;
            }
        }

        if (inQuotes)
        {
            throw new TrainingDataException(file, rowLine, "a quoted field is never closed");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new Row(rowLine, fields.ToArray());
        }
    }
}
