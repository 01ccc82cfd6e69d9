/**
 * The `losant` resource provider as a gRPC server: the engine's requests, decoded, handed to
 * the shared steps (`resources.ts`) and functions (`functions.ts`), and their answers encoded.
 * Written against the protocol `@pulumi/pulumi` ships rather than its `provider.main()`: that
 * server ignores Configure's values (so no provider config, no explicit providers) and throws
 * in Read when `pulumi import` sends no properties.
 */
import { type Protocol, type Request, type Struct } from "./protocol";
import { onBehalfOf } from "../provider/host";
import { configure } from "./config";
import { invoke } from "./functions";
import { IMPORTS, RESOURCES, typeOfUrn, type Steps } from "./resources";
import { buildSchema } from "./schema";
import { plainValue, secretValue } from "./values";
import { packageVersion } from "./version";

type Callback = (error: unknown, response?: unknown, metadata?: unknown) => void;
type Call = { request: Request };
type Handler = (call: Call, callback: Callback) => void;

/**
 * The properties of a request's Struct field as plain JSON, secrets unwrapped. An absent
 * Struct is empty: `pulumi import` sends a Read without properties, on which
 * `@pulumi/pulumi`'s own provider server throws (`getProperties().toJavaScript()`).
 */
export function structOf(request: Request, getter: string): Record<string, unknown> {
  const struct = request[getter]?.() as Struct | undefined;
  return plainValue(struct?.toJavaScript() ?? {}) as Record<string, unknown>;
}

/**
 * The gRPC service implementation, by method name.
 *
 * @param protocol - the engine protocol to encode answers with
 */
export function providerService(protocol: Protocol): Record<string, Handler> {
  const { provider: pb, plugin: pluginPb, struct, grpc } = protocol;
  const toStruct = (value: unknown) =>
    struct.fromJavaScript((value ?? {}) as Record<string, unknown>);

  /**
   * Runs `work`; answers its message, or its error as one line the engine shows once. An
   * error carrying an `id` (a create that made the org, then failed) tells the engine the
   * resource exists, so the state keeps it.
   */
  const handle =
    (work: (request: Request) => Promise<unknown>): Handler =>
    (call, callback) => {
      work(call.request).then(
        (response) => callback(null, response),
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          const partial = error as { id?: unknown; properties?: unknown; reasons?: unknown };
          callback({
            code: grpc.status.UNKNOWN,
            details: message,
            message,
            metadata:
              typeof partial.id === "string" && partial.id !== ""
                ? protocol.initFailure(partial.id, toStruct(partial.properties), [message])
                : undefined,
          });
        },
      );
    };

  const stepsFor = (urn: string): Steps => {
    const type = typeOfUrn(urn);
    const steps = RESOURCES[type];
    if (steps === undefined) throw new Error(`The losant provider has no resource type ${type}`);
    return steps;
  };

  return {
    getPluginInfo: handle(async () => {
      const info = new pluginPb.PluginInfo();
      info.setVersion(packageVersion());
      return info;
    }),
    getSchema: handle(async () => {
      const response = new pb.GetSchemaResponse();
      response.setSchema(JSON.stringify(buildSchema()));
      return response;
    }),
    checkConfig: handle(async (request) => {
      const news = structOf(request, "getNews");
      const response = new pb.CheckResponse();
      // The token is stored with the provider's inputs: encrypted, whatever the program passed.
      if (typeof news.apiToken === "string") news.apiToken = secretValue(news.apiToken);
      response.setInputs(toStruct(news));
      return response;
    }),
    diffConfig: handle(async (request) => {
      const olds = structOf(request, "getOldInputs");
      const news = structOf(request, "getNews");
      const changed = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter(
        (key) => JSON.stringify(olds[key]) !== JSON.stringify(news[key]),
      );
      const response = new pb.DiffResponse();
      response.setChanges(
        changed.length > 0
          ? pb.DiffResponse.DiffChanges.DIFF_SOME
          : pb.DiffResponse.DiffChanges.DIFF_NONE,
      );
      response.setDiffsList(changed);
      return response;
    }),
    configure: handle(async (request) => {
      const variables = new Map<string, string>();
      (request.getVariablesMap() as { forEach(fn: (v: string, k: string) => void): void }).forEach(
        (value, key) => variables.set(key, value),
      );
      const args = request.hasArgs?.() ? structOf(request, "getArgs") : undefined;
      configure(args, variables);
      const response = new pb.ConfigureResponse();
      response.setAcceptsecrets(false);
      response.setAcceptresources(false);
      response.setSupportspreview(true);
      return response;
    }),
    check: handle(async (request) => {
      const urn = request.getUrn() as string;
      const steps = stepsFor(urn);
      const result = await onBehalfOf(urn, () =>
        steps.check(structOf(request, "getOlds") as never, structOf(request, "getNews") as never),
      );
      const response = new pb.CheckResponse();
      response.setInputs(toStruct(result.inputs));
      response.setFailuresList(
        (result.failures ?? []).map((failure) => {
          const message = new pb.CheckFailure();
          message.setProperty(failure.property);
          message.setReason(failure.reason);
          return message;
        }),
      );
      return response;
    }),
    diff: handle(async (request) => {
      const urn = request.getUrn() as string;
      const steps = stepsFor(urn);
      const olds = structOf(request, "getOlds");
      const news = structOf(request, "getNews");
      const result = await onBehalfOf(urn, () =>
        steps.diff(request.getId() as string, olds as never, news as never),
      );
      const response = new pb.DiffResponse();
      response.setChanges(
        result.changes
          ? pb.DiffResponse.DiffChanges.DIFF_SOME
          : pb.DiffResponse.DiffChanges.DIFF_NONE,
      );
      response.setReplacesList(result.replaces ?? []);
      response.setDeletebeforereplace(result.deleteBeforeReplace ?? false);
      if (result.changes) {
        const inputs = Object.keys(news).filter(
          (key) => JSON.stringify(news[key]) !== JSON.stringify(olds[key]),
        );
        response.setDiffsList([...new Set([...(result.replaces ?? []), ...inputs])]);
      }
      return response;
    }),
    create: handle(async (request) => {
      const steps = stepsFor(request.getUrn() as string);
      const inputs = structOf(request, "getProperties");
      const response = new pb.CreateResponse();
      if (request.getPreview()) {
        // A plan sends nothing: the outputs are the inputs, the rest unknown until the update.
        response.setId("");
        response.setProperties(toStruct(inputs));
        return response;
      }
      const result = await onBehalfOf(request.getUrn() as string, () =>
        steps.create(inputs as never),
      );
      response.setId(result.id);
      response.setProperties(toStruct(result.outs));
      return response;
    }),
    read: handle(async (request) => {
      const urn = request.getUrn() as string;
      const steps = stepsFor(urn);
      const id = request.getId() as string;
      const props = structOf(request, "getProperties");
      const result =
        Object.keys(props).length === 0
          ? await IMPORTS[typeOfUrn(urn)](id)
          : await steps.read(id, props as never);
      const response = new pb.ReadResponse();
      response.setId(result.id ?? "");
      response.setProperties(toStruct(result.props));
      // Unchanged inputs the engine keeps: send them only when the read says they changed.
      const inputs =
        result.inputs ??
        (Object.keys(props).length > 0 ? structOf(request, "getInputs") : undefined);
      if (inputs !== undefined) response.setInputs(toStruct(inputs));
      return response;
    }),
    update: handle(async (request) => {
      const steps = stepsFor(request.getUrn() as string);
      const olds = structOf(request, "getOlds");
      const news = structOf(request, "getNews");
      const response = new pb.UpdateResponse();
      if (request.getPreview()) {
        response.setProperties(toStruct({ ...olds, ...news }));
        return response;
      }
      const result = await onBehalfOf(request.getUrn() as string, () =>
        steps.update(request.getId() as string, olds as never, news as never),
      );
      response.setProperties(toStruct(result.outs));
      return response;
    }),
    delete: handle(async (request) => {
      const steps = stepsFor(request.getUrn() as string);
      await steps.delete(request.getId() as string, structOf(request, "getProperties") as never);
      return new protocol.empty();
    }),
    invoke: handle(async (request) => {
      const result = await invoke(request.getTok() as string, structOf(request, "getArgs"));
      const response = new pb.InvokeResponse();
      response.setReturn(toStruct(result));
      return response;
    }),
    cancel: handle(async () => new protocol.empty()),
    attach: handle(async () => new protocol.empty()),
  };
}
