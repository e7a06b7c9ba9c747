using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Triage.Server.Grpc;

/// <summary>
/// Walks a message that failed to parse, guided by its descriptor, to name the string field holding
/// invalid UTF-8 (the usual reason a well-framed message is refused). Runs only on the error path.
/// </summary>
internal static class WireScan
{
    /// <summary>Deeper than any message of this API; the parser's own limit refuses deeper input anyway.</summary>
    private const int MaxDepth = 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The proto path of the first string field that is not UTF-8 (<c>ticket.body</c>), or null.</summary>
    public static string? FirstInvalidUtf8(MessageDescriptor descriptor, byte[] payload)
    {
        try
        {
            return Scan(descriptor, payload, prefix: "", depth: 0);
        }
        catch (InvalidProtocolBufferException)
        {
            // Broken framing rather than a bad string: nothing to name.
            return null;
        }
    }

    private static string? Scan(MessageDescriptor descriptor, byte[] payload, string prefix, int depth)
    {
        var input = new CodedInputStream(payload);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = descriptor.FindFieldByNumber(WireFormat.GetTagFieldNumber(tag));
            if (field is null || WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
            {
                input.SkipLastField();
                continue;
            }

            var value = input.ReadBytes().ToByteArray();
            var path = prefix + field.Name;
            if (field.FieldType == FieldType.String && !IsUtf8(value))
            {
                return path;
            }

            if (field.FieldType == FieldType.Message && depth < MaxDepth
                && Scan(field.MessageType, value, path + ".", depth + 1) is { } inner)
            {
                // A map entry's key or value is reported as the map, as the validator names it.
                return field.IsMap ? path : inner;
            }
        }

        return null;
    }

    private static bool IsUtf8(byte[] value)
    {
        try
        {
            StrictUtf8.GetCharCount(value);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
