/**
 * The engine's provider protocol as `@pulumi/pulumi` ships it: its generated gRPC service and
 * messages, and the gRPC library they were generated for. Loaded from the `@pulumi/pulumi` the
 * program installed, so the plugin speaks the same protocol version as the SDK beside it.
 */
import { createRequire } from "node:module";

/** A protobuf Struct: converts to and from plain JSON values. */
export interface Struct {
  toJavaScript(): Record<string, unknown>;
}

/** What the plugin reads of a request message: getters by name. */
export type Request = Record<string, (...args: unknown[]) => unknown>;

/** A response message under construction: setters by name. */
export type Message = Record<string, (...args: unknown[]) => unknown>;

/** The pieces of the protocol the server uses. */
export interface Protocol {
  grpc: {
    Server: new (options?: Record<string, unknown>) => {
      addService(service: unknown, implementation: Record<string, unknown>): void;
      bindAsync(
        address: string,
        credentials: unknown,
        done: (err: Error | null, port: number) => void,
      ): void;
      tryShutdown(done: () => void): void;
    };
    ServerCredentials: { createInsecure(): unknown };
    status: Record<string, number>;
  };
  service: unknown;
  provider: Record<string, new () => Message> & {
    DiffResponse: (new () => Message) & { DiffChanges: Record<string, number> };
  };
  plugin: Record<string, new () => Message>;
  empty: new () => Message;
  struct: { fromJavaScript(value: Record<string, unknown>): unknown };
  /**
   * gRPC metadata telling the engine that the resource `id` exists although its create
   * failed, with the properties known so far.
   */
  initFailure(id: string, properties: unknown, reasons: string[]): unknown;
}

/** Loads the protocol from the `@pulumi/pulumi` this package resolves. */
export function loadProtocol(): Protocol {
  const fromPulumi = createRequire(require.resolve("@pulumi/pulumi/package.json"));
  const provider = fromPulumi("./proto/provider_pb");
  const grpc = fromPulumi("@grpc/grpc-js");
  const status = fromPulumi("./proto/status_pb");
  const { Any } = fromPulumi("google-protobuf/google/protobuf/any_pb");
  const initFailure = (id: string, properties: unknown, reasons: string[]): unknown => {
    const detail = new provider.ErrorResourceInitFailed();
    detail.setId(id);
    detail.setProperties(properties);
    detail.setReasonsList(reasons);
    const any = new Any();
    any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const wrapped = new status.Status();
    wrapped.setCode(grpc.status.UNKNOWN);
    wrapped.setMessage(reasons.join("; "));
    wrapped.addDetails(any);
    // The engine reads structured error details from this header of the gRPC status.
    const metadata = new grpc.Metadata();
    metadata.add("grpc-status-details-bin", Buffer.from(wrapped.serializeBinary()));
    return metadata;
  };
  return {
    initFailure,
    grpc,
    service: fromPulumi("./proto/provider_grpc_pb").ResourceProviderService,
    provider,
    plugin: fromPulumi("./proto/plugin_pb"),
    empty: fromPulumi("google-protobuf/google/protobuf/empty_pb").Empty,
    struct: fromPulumi("google-protobuf/google/protobuf/struct_pb").Struct,
  };
}
