namespace Triage.Server.Security;

/// <summary>
/// Put on each gRPC method: the caller needs at least one of these roles. grpc-dotnet copies method
/// attributes into endpoint metadata, where <see cref="AuthInterceptor"/> reads them; a method without
/// one is refused, so a new RPC cannot ship open by omission.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequireRoleAttribute(TriageRole roles) : Attribute
{
    public TriageRole Roles { get; } = roles;
}
