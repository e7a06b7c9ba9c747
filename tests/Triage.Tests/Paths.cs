namespace Triage.Tests;

/// <summary>Locates the repository (and the shared design folder beside it) from the test binaries.</summary>
internal static class Paths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SharedDesign => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "design"));

    public static string TrainingData => Path.Combine(RepoRoot, "training-data");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Triage.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Triage.sln not found above " + AppContext.BaseDirectory);
    }
}
