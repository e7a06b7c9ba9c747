namespace Triage.Retrieval.Embedded;

/// <summary>Recognizes "no space left" among I/O errors, which .NET reports as a plain IOException carrying the OS code.</summary>
internal static class DiskFull
{
    /// <summary>ENOSPC, the same on Linux and macOS.</summary>
    private const int NoSpace = 28;

    /// <summary>EDQUOT on Linux: a quota is full, which is the same to us.</summary>
    private const int LinuxQuota = 122;

    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    public static bool Is(IOException ex) => ex.HResult is NoSpace or WindowsDiskFull or WindowsHandleDiskFull
        || (ex.HResult == LinuxQuota && OperatingSystem.IsLinux());
}
