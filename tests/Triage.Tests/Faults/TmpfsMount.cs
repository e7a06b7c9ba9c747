using System.Diagnostics;

namespace Triage.Tests.Faults;

/// <summary>
/// A small tmpfs mounted on a directory (the tests run as root), so writes there hit a real ENOSPC from the kernel
/// when it fills up. Unmounted on dispose.
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    public static TmpfsMount Create(string path, string size)
    {
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);
        // Not skipped: a disk-full test that silently does not run proves nothing.
        Assert.True(code == 0, $"mounting a {size} tmpfs on {path} failed ({code}): {output}. These tests need root (or CAP_SYS_ADMIN) to mount one.");
        return new TmpfsMount(path);
    }

    public void Dispose()
    {
        if (Run("umount", Path).Code != 0)
        {
            // Something still holds a file there (a process not yet reaped): detach it now, freed when released.
            Run("umount", "-l", Path);
        }
    }

    private static (int Code, string Output) Run(string command, params string[] arguments)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Trim());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
