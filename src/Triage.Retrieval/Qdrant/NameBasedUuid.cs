using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Triage.Retrieval.Qdrant;

/// <summary>
/// RFC 4122 version-5 UUIDs: SHA-1 over a namespace and a name. The same name always gives the same id,
/// which is what makes an upsert by case id idempotent on a store that only accepts integers or UUIDs.
/// </summary>
internal static class NameBasedUuid
{
    [SuppressMessage("Security", "CA5350", Justification = "RFC 4122 defines v5 UUIDs with SHA-1; the hash names ids, it protects nothing.")]
    public static Guid Create(Guid @namespace, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        // The RFC hashes the namespace in network byte order, not .NET's mixed-endian Guid layout.
        @namespace.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
