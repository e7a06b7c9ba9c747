using Microsoft.SemanticKernel;

namespace Triage.Drafting.Prompts;

/// <summary>Reads a prompt kept in the repository as two files: its template text and its configuration.</summary>
internal static class PromptFiles
{
    public static PromptTemplateConfig Load(string name)
    {
        var config = PromptTemplateConfig.FromJson(Read(name + ".json"));
        config.Template = Read(name + ".prompt.txt");
        return config;
    }

    private static string Read(string file)
    {
        var resource = "Triage.Drafting.Prompts." + file;
        using var stream = typeof(PromptFiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded in Triage.Drafting.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
