using Triage.Core.Retrieval;
using Triage.Core.Tickets;

namespace Triage.Retrieval.Embedded;

/// <summary>One change to the index as written to the log: an upsert (case and quantized vector) or a delete.</summary>
internal abstract record LogRecord
{
    private const byte UpsertTag = 1;
    private const byte DeleteTag = 2;

    public sealed record Upsert(CaseRecord Case, sbyte[] Vector, float Scale) : LogRecord;

    public sealed record Delete(string Tenant, string CaseId) : LogRecord;

    public byte[] Serialize()
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            switch (this)
            {
                case Upsert u:
                    w.Write(UpsertTag);
                    var c = u.Case;
                    w.Write(c.Tenant);
                    w.Write(c.CaseId);
                    w.Write(c.Language);
                    w.Write(c.Channel is { } ch ? (int)ch : -1);
                    w.Write(c.Subject);
                    w.Write(c.Body);
                    w.Write(c.Reply);
                    w.Write(c.Category);
                    w.Write(c.Intent);
                    w.Write(c.Urgency);
                    w.Write(c.Outcome);
                    w.Write(c.ResolvedAt.UtcTicks);
                    w.Write(u.Scale);
                    w.Write(u.Vector.Length);
                    w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(u.Vector.AsSpan()));
                    break;
                case Delete d:
                    w.Write(DeleteTag);
                    w.Write(d.Tenant);
                    w.Write(d.CaseId);
                    break;
            }
        }

        return buffer.ToArray();
    }

    public static LogRecord Deserialize(ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray());
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8);
        switch (r.ReadByte())
        {
            case UpsertTag:
                var tenant = r.ReadString();
                var id = r.ReadString();
                var language = r.ReadString();
                var channel = r.ReadInt32();
                var c = new CaseRecord(tenant, id, language, channel < 0 ? null : (Channel)channel,
                    r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(),
                    new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero));
                var scale = r.ReadSingle();
                var length = r.ReadInt32();
                var vector = new sbyte[length];
                r.Read(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
                return new Upsert(c, vector, scale);
            case DeleteTag:
                return new Delete(r.ReadString(), r.ReadString());
            default:
                throw new InvalidDataException("unknown log record type");
        }
    }
}
