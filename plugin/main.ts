#!/usr/bin/env node
/**
 * `pulumi-resource-losant`: the `losant` resource provider plugin. The engine starts it with its
 * own address as the last argument and reads the port it serves on from the first line of
 * stdout; it serves until the engine closes it.
 */
import { setPluginEngineAddress } from "../provider/host";
import { loadProtocol } from "./protocol";
import { providerService } from "./server";

/**
 * Starts the provider's gRPC server on a free loopback port and prints the port.
 *
 * @param argv - the arguments after the executable: flags, then the engine's address
 * @throws Error when the server cannot bind
 */
export async function main(argv: readonly string[]): Promise<void> {
  // The engine's address comes last, after any logging flags the engine adds.
  const engine = argv.at(-1);
  if (engine !== undefined && /^[\w.[\]:-]+:\d+$/.test(engine)) setPluginEngineAddress(engine);
  const protocol = loadProtocol();
  const server = new protocol.grpc.Server({
    "grpc.max_receive_message_length": 400 * 1024 * 1024,
    "grpc.max_send_message_length": 400 * 1024 * 1024,
  });
  server.addService(protocol.service, providerService(protocol));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
      "127.0.0.1:0",
      protocol.grpc.ServerCredentials.createInsecure(),
      (err, bound) => (err ? reject(err) : resolve(bound)),
    ),
  );
  process.stdout.write(`${port}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`pulumi-resource-losant: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
