using System.Buffers.Binary;

namespace Triage.Retrieval.Embedded;

/// <summary>
/// An append-only file of framed records: length, CRC-32, payload. An append is acknowledged only after
/// the bytes reach the disk (fsync), so a crash loses nothing acknowledged; a crash mid-append leaves a
/// torn last frame, which recovery detects by its length or checksum and cuts off. A failed append (disk full) is cut
/// off at once, so later appends follow the last whole frame: recovery stops at the first bad frame, and would drop
/// every acknowledged record written after a torn one.
/// </summary>
internal sealed class RecordLog : IDisposable
{
    private readonly FileStream _stream;

    /// <summary>The end of the last whole frame: where the next append starts.</summary>
    private long _end;

    /// <summary>A failed append that could not be cut off: appending after it would hide the records behind it.</summary>
    private bool _broken;

    private RecordLog(FileStream stream)
    {
        _stream = stream;
        _end = stream.Length;
    }

    public string Path => _stream.Name;

    public long Length => _stream.Length;

    /// <summary>Opens (creating if needed) and returns the good records; a torn tail is truncated away.</summary>
    public static RecordLog Open(string path, out List<LogRecord> records, out bool repaired)
    {
        // Unbuffered: a failed write must leave nothing behind in a buffer to be flushed after the cut.
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.None);
        records = ReadAll(new BufferedStream(stream, 1 << 16), out var goodLength);
        repaired = goodLength != stream.Length;
        if (repaired)
        {
            stream.SetLength(goodLength);
            stream.Flush(flushToDisk: true);
        }

        stream.Seek(0, SeekOrigin.End);
        return new RecordLog(stream);
    }

    /// <summary>Reads a whole file of frames (a snapshot), stopping at the first bad one.</summary>
    public static List<LogRecord> ReadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return ReadAll(stream, out _);
    }

    public void Append(IEnumerable<LogRecord> records)
    {
        if (_broken)
        {
            throw new IOException($"{Path}: an earlier failed append could not be cut off; restart to repair the log");
        }

        using var frames = new MemoryStream();
        foreach (var record in records)
        {
            WriteFrame(frames, record);
        }

        try
        {
            _stream.Write(frames.GetBuffer(), 0, (int)frames.Length);
            _stream.Flush(flushToDisk: true);
            _end += frames.Length;
        }
        catch (IOException)
        {
            CutOffFailedAppend();
            throw;
        }
    }

    /// <summary>Writes a complete file of frames under a temporary name, syncs it, and renames it into place.</summary>
    public static void WriteFileAtomically(string path, IEnumerable<LogRecord> records)
    {
        var temp = path + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                foreach (var record in records)
                {
                    WriteFrame(stream, record);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (IOException)
        {
            // A half-written copy only takes space, and on a full disk that is what is short.
            File.Delete(temp);
            throw;
        }
    }

    public void Truncate()
    {
        _stream.SetLength(0);
        _stream.Flush(flushToDisk: true);
        _end = 0;
    }

    /// <summary>Shrinking needs no space, so this normally succeeds even on a full disk.</summary>
    private void CutOffFailedAppend()
    {
        try
        {
            _stream.SetLength(_end);
            _stream.Seek(_end, SeekOrigin.Begin);
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            _broken = true;
        }
    }

    public void Dispose() => _stream.Dispose();

    private static void WriteFrame(Stream stream, LogRecord record)
    {
        var payload = record.Serialize();
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Crc32.Compute(payload));
        stream.Write(header);
        stream.Write(payload);
    }

    private static List<LogRecord> ReadAll(Stream stream, out long goodLength)
    {
        var records = new List<LogRecord>();
        stream.Seek(0, SeekOrigin.Begin);
        goodLength = 0;
        var header = new byte[8];
        while (true)
        {
            if (stream.ReadAtLeast(header, 8, throwOnEndOfStream: false) < 8)
            {
                break;
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            if (length <= 0 || length > 64 * 1024 * 1024 || goodLength + 8 + length > stream.Length)
            {
                break;
            }

            var payload = new byte[length];
            if (stream.ReadAtLeast(payload, length, throwOnEndOfStream: false) < length || Crc32.Compute(payload) != crc)
            {
                break;
            }

            try
            {
                records.Add(LogRecord.Deserialize(payload));
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
            {
                break;
            }

            goodLength += 8 + length;
        }

        return records;
    }
}
