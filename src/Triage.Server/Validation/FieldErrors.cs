using Google.Rpc;
using Grpc.Core;

namespace Triage.Server.Validation;

/// <summary>
/// Collects every problem with a request before answering, so a caller fixes them all in one round,
/// and throws them as INVALID_ARGUMENT with a google.rpc.BadRequest detail naming each field.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public bool Any => _violations.Count > 0;

    public IReadOnlyList<BadRequest.Types.FieldViolation> Violations => _violations;

    public void Add(string field, string description) =>
        _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw ToException();
        }
    }

    public RpcException ToException()
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(_violations);
        var summary = string.Join("; ", _violations.Select(v => $"{v.Field}: {v.Description}"));
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "Invalid request: " + summary,
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(badRequest) },
        };
        return status.ToRpcException();
    }
}
