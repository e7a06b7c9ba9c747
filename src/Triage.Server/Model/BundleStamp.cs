namespace Triage.Server.Model;

/// <summary>
/// Identifies one version of the bundle file by size and write time, so a watcher event or poll that
/// finds the same file does not reload it.
/// </summary>
internal readonly record struct BundleStamp(long Length, DateTime LastWriteUtc)
{
    public static BundleStamp? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new BundleStamp(info.Length, info.LastWriteTimeUtc) : null;
    }
}
