/**
 * Warnings a user sees in the output of `pulumi up`. The engine starts the dynamic provider
 * host with its own address as the first argument; a `LogRequest` sent there is printed with
 * the run's diagnostics. `@pulumi/pulumi`'s `log` would only do so in a process where
 * `PULUMI_NODEJS_ENGINE` was set before the runtime loaded, which the host's is not.
 */
import { createRequire } from "node:module";
import { currentUrn, hostEngineAddress } from "./host";
import { getProcessLocal, setProcessLocal } from "./processLocal";

/** How the engine shows a message: `info` as a note, `warning` as a warning. */
export type Severity = "info" | "warning";

/** Where a message for the user goes. */
export type WarningSink = (message: string, severity?: Severity) => Promise<void>;

// Process-local: a sink may hold a live gRPC channel, which must never be serialized.
const SINK_KEY = "warningSink";

/**
 * Sends a warning to the engine running this provider, or to stderr when there is none (or it
 * cannot be reached). Never throws: a warning must not fail the step it describes.
 */
export async function warnUser(message: string): Promise<void> {
  await tellUser(message, "warning");
}

/**
 * Sends a note (what a step is about to do, when the plan alone cannot say it) the same way as
 * {@link warnUser}. Never throws.
 */
export async function informUser(message: string): Promise<void> {
  await tellUser(message, "info");
}

async function tellUser(message: string, severity: Severity): Promise<void> {
  let sink = getProcessLocal<WarningSink>(SINK_KEY);
  if (sink === undefined) {
    sink = engineSink(hostEngineAddress()) ?? stderrSink;
    setProcessLocal(SINK_KEY, sink);
  }
  await sink(message, severity).catch(() => stderrSink(message, severity));
}

/**
 * Replaces where warnings go in this process, for tests; `undefined` restores the default.
 *
 * @returns the sink it replaced
 */
export function setWarningSink(sink: WarningSink | undefined): WarningSink | undefined {
  const previous = getProcessLocal<WarningSink>(SINK_KEY);
  setProcessLocal(SINK_KEY, sink);
  return previous;
}

async function stderrSink(message: string, severity: Severity = "warning"): Promise<void> {
  process.stderr.write(`${severity}: ${message}\n`);
}

/** Minimal shapes of the engine's generated gRPC client, as `@pulumi/pulumi` ships it. */
interface EngineProto {
  LogRequest: new () => {
    setSeverity(severity: number): void;
    setMessage(message: string): void;
    setUrn(urn: string): void;
  };
  LogSeverity: { INFO: number; WARNING: number };
}
interface EngineGrpc {
  EngineClient: new (
    address: string,
    credentials: unknown,
  ) => { log(request: unknown, done: (err: Error | null) => void): void };
}

function engineSink(address: string | undefined): WarningSink | undefined {
  if (address === undefined) return undefined;
  try {
    // The host's own @pulumi/pulumi, which carries the engine's protocol and its gRPC library.
    const fromPulumi = createRequire(require.resolve("@pulumi/pulumi/package.json"));
    const grpc = fromPulumi("@grpc/grpc-js") as { credentials: { createInsecure(): unknown } };
    const proto = fromPulumi("./proto/engine_pb") as EngineProto;
    const { EngineClient } = fromPulumi("./proto/engine_grpc_pb") as EngineGrpc;
    const client = new EngineClient(address, grpc.credentials.createInsecure());
    return (message, severity = "warning") =>
      new Promise((resolve, reject) => {
        const request = new proto.LogRequest();
        request.setSeverity(
          severity === "info" ? proto.LogSeverity.INFO : proto.LogSeverity.WARNING,
        );
        request.setMessage(message);
        request.setUrn(currentUrn());
        client.log(request, (err) => (err ? reject(err) : resolve()));
      });
  } catch {
    return undefined;
  }
}
