using System.Text.Encodings.Web;
using System.Text.Json;

namespace Triage.Feedback.Export;

/// <summary>One line per record. Korean stays readable instead of \uXXXX escapes: these files are read by people
/// as well as by the trainer, and are never embedded in HTML.</summary>
internal static class ExportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
