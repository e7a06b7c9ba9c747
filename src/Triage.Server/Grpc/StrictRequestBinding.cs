using System.Buffers;
using Google.Protobuf;
using Grpc.Core;
using Triage.Api.V1;
using Triage.Server.Validation;

namespace Triage.Server.Grpc;

/// <summary>
/// Binds <see cref="TriageApiService"/> as the generated code does, but with request marshallers that
/// answer a message that does not parse (invalid UTF-8 in a string field, a malformed frame) with
/// INVALID_ARGUMENT naming the field where it can. grpc-dotnet parses before any interceptor runs and
/// would answer UNKNOWN. Found through the <see cref="BindServiceMethodAttribute"/> on the service; JSON
/// transcoding and reflection read <see cref="Descriptor"/> from this class.
/// </summary>
public static class StrictRequestBinding
{
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => TriageService.Descriptor;

    /// <summary>
    /// The generated signature: grpc-dotnet matches handlers to the base type named here, and JSON
    /// transcoding's discovery passes a null service, as the generated method allows.
    /// </summary>
    public static void BindService(ServiceBinderBase serviceBinder, TriageService.TriageServiceBase serviceImpl) =>
        TriageService.BindService(new Binder(serviceBinder), serviceImpl);

    private static Method<TRequest, TResponse> Strict<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var parse = method.RequestMarshaller.ContextualDeserializer;
        var input = TriageService.Descriptor.FindMethodByName(method.Name).InputType;
        var marshaller = Marshallers.Create(method.RequestMarshaller.ContextualSerializer, (DeserializationContext context) =>
        {
            try
            {
                return parse(context);
            }
            catch (InvalidProtocolBufferException ex)
            {
                throw Unparsable(input, context.PayloadAsReadOnlySequence().ToArray(), ex);
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
    }

    private static RpcException Unparsable(Google.Protobuf.Reflection.MessageDescriptor input, byte[] payload, InvalidProtocolBufferException ex)
    {
        if (WireScan.FirstInvalidUtf8(input, payload) is { } field)
        {
            var errors = new FieldErrors();
            errors.Add(field, "is not valid UTF-8");
            return errors.ToException();
        }

        return new RpcException(new Status(StatusCode.InvalidArgument, $"The request is not a valid {input.FullName} message: {ex.Message}"));
    }

    private sealed class Binder(ServiceBinderBase inner) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Strict(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Strict(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Strict(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Strict(method), handler);
    }
}
