/**
 * The request pipeline. Every request runs the same fixed steps: fault check (injected
 * faults, then the token-bucket rate limit, then a proxy-like 413), authenticate, route, authorize, parse body, validate (IDs, body, query), apply, check the
 * response against its schema, respond. Each step exits early by throwing an ApiError, which
 * becomes Losant's error body in one place.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

import type { TokenStore } from "./auth";
import type { Delays } from "./delays";
import {
  ApiError,
  BODY_TOO_LARGE_MESSAGE,
  FORBIDDEN_MESSAGE,
  INJECTED_SERVER_ERROR_MESSAGE,
  INTERNAL_ERROR_MESSAGE,
  INVALID_BODY_MESSAGE,
  INVALID_ID_MESSAGE,
  INVALID_RESPONSE_MESSAGE,
  MALFORMED_JSON_MESSAGE,
  RATE_LIMITED_MESSAGE,
  ROUTE_NOT_FOUND_MESSAGE,
} from "./errors";
import type { FaultDecision, FaultKind, Faults } from "./faults";
import type { SimulatorProfile } from "./profiles";
import type { RateLimiter } from "./rateLimit";
import type { RequestLog, RequestLogEntry } from "./requestLog";
import { withoutHypermedia } from "./responses";
import { matchRoute, routeLabel, type RouteMatch } from "./routes";
import { ACCEPTED_SCOPES, isAuthorized } from "./scopes";
import type { Store } from "./store";
import { validate, type SchemaName } from "./validation";

/** Largest request body the simulator reads. */
export const MAX_BODY_BYTES = 1_048_576;

const ID_PATTERN = /^[A-Fa-f\d]{24}$/;

/** A response the simulator refused to send because it broke its own schema, or a crash. */
export interface ResponseError {
  method: string;
  path: string;
  route: string | null;
  /** The schema the body failed; absent for an unexpected exception. */
  schema?: SchemaName;
  details: string;
  /** The body that failed validation. */
  body?: unknown;
}

/** What the pipeline needs from the simulator. */
export interface PipelineDeps {
  store: Store;
  tokens: TokenStore;
  faults: Faults;
  log: RequestLog;
  delays: Delays;
  responseErrors: ResponseError[];
  validateResponses: boolean;
  now: () => number;
  /** The simulator's answers to what the documentation leaves open. */
  profile: SimulatorProfile;
  /** The token-bucket limit over every request (none until set). */
  rateLimiter: RateLimiter;
  /** Called after a request changed state. */
  onChange: () => void;
}

interface Outcome {
  status: number;
  /** The JSON body; `undefined` sends none (a bare 413). */
  body: unknown;
  schema: SchemaName;
  headers?: Record<string, string>;
  applied: boolean;
}

interface RequestInput {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  match: RouteMatch | undefined;
  body: Buffer | undefined;
}

function errorOutcome(error: ApiError, headers?: Record<string, string>): Outcome {
  return { status: error.status, body: error.toBody(), schema: "error", headers, applied: false };
}

function parseBody(raw: Buffer | undefined): unknown {
  if (raw === undefined) throw new ApiError(400, BODY_TOO_LARGE_MESSAGE(MAX_BODY_BYTES));
  const text = raw.toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, MALFORMED_JSON_MESSAGE);
  }
}

/** Authenticate, route, authorize, parse, validate, apply: the steps after the fault check. */
function runSteps(deps: PipelineDeps, input: RequestInput, nowMs: number): Outcome {
  const scopes = deps.tokens.authenticate(input.authorization);
  if (!input.match) throw new ApiError(404, ROUTE_NOT_FOUND_MESSAGE(input.method, input.path));
  const { route, params } = input.match;
  if (!isAuthorized(scopes, route.action)) {
    throw new ApiError(403, FORBIDDEN_MESSAGE(route.action, ACCEPTED_SCOPES[route.action]));
  }
  const body = route.bodySchema ? parseBody(input.body) : undefined;
  for (const [name, id] of Object.entries(params)) {
    if (!ID_PATTERN.test(id)) throw new ApiError(400, INVALID_ID_MESSAGE(name));
  }
  if (route.bodySchema) {
    const result = validate(route.bodySchema, body);
    if (!result.ok) throw new ApiError(400, INVALID_BODY_MESSAGE(result.details));
  }
  const apply = route.prepare({ query: input.query, body, nowMs, profile: deps.profile });
  const answer = apply(deps.store, params);
  const schema =
    typeof route.responseSchema === "function"
      ? route.responseSchema(deps.profile)
      : route.responseSchema;
  return { status: 200, body: answer, schema, applied: route.mutates };
}

/** Runs the steps and turns any early exit or crash into an error outcome. */
function runPipeline(deps: PipelineDeps, input: RequestInput, entry: RequestLogEntry): Outcome {
  try {
    return runSteps(deps, input, deps.now());
  } catch (error) {
    if (error instanceof ApiError) return errorOutcome(error);
    deps.responseErrors.push({ ...errorContext(entry), details: String(error) });
    return errorOutcome(new ApiError(500, INTERNAL_ERROR_MESSAGE));
  }
}

function errorContext(entry: RequestLogEntry): Pick<ResponseError, "method" | "path" | "route"> {
  return { method: entry.method, path: entry.path, route: entry.route };
}

/** Replaces an outcome whose body breaks its schema by a 500, and records why. */
function checkResponse(deps: PipelineDeps, outcome: Outcome, entry: RequestLogEntry): Outcome {
  if (!deps.validateResponses || outcome.body === undefined) return outcome;
  const result = validate(outcome.schema, withoutHypermedia(outcome.body));
  if (result.ok) return outcome;
  deps.responseErrors.push({
    ...errorContext(entry),
    schema: outcome.schema,
    details: result.details,
    body: outcome.body,
  });
  return {
    ...errorOutcome(new ApiError(500, INVALID_RESPONSE_MESSAGE(result.details))),
    applied: outcome.applied,
  };
}

/**
 * The answer to an over-large body when the profile has a proxy-like 413 answer it before
 * anything else; under `oversizedBody: "400"` the parse step refuses it later instead.
 */
function oversizedOutcome(
  profile: SimulatorProfile,
  body: Buffer | undefined,
): Outcome | undefined {
  if (body !== undefined || profile.oversizedBody === "400") return undefined;
  if (profile.oversizedBody === "413-bare") {
    return { status: 413, body: undefined, schema: "error", applied: false };
  }
  return errorOutcome(new ApiError(413, BODY_TOO_LARGE_MESSAGE(MAX_BODY_BYTES)));
}

/** 429 with Losant's error body and a `Retry-After` in whole seconds. */
function rateLimited(retryAfterSeconds: number): Outcome {
  const headers = { "Retry-After": String(retryAfterSeconds) };
  return errorOutcome(new ApiError(429, RATE_LIMITED_MESSAGE), headers);
}

function injectedOutcome(fault: FaultDecision["fault"]): Outcome | undefined {
  if (fault?.kind === "rateLimit") return rateLimited(fault.retryAfterSeconds ?? 1);
  if (fault?.kind === "status") {
    const message = fault.message ?? INJECTED_SERVER_ERROR_MESSAGE(fault.status);
    return errorOutcome(new ApiError(fault.status, message));
  }
  return undefined;
}

/** A request whose client went away before its body was complete. */
const ABORTED = Symbol("aborted");

/**
 * Reads the whole body. Past {@link MAX_BODY_BYTES} it keeps draining the socket (so the
 * answer can still be read by the client) and returns `undefined`. A client that goes away
 * mid-body is not a simulator failure: it yields {@link ABORTED}.
 */
function readBody(req: IncomingMessage): Promise<Buffer | undefined | typeof ABORTED> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined));
    req.on("error", () => resolve(ABORTED));
  });
}

function send(res: ServerResponse, outcome: Outcome): void {
  if (outcome.body === undefined) {
    res.writeHead(outcome.status, { "Content-Length": 0, ...outcome.headers });
    res.end();
    return;
  }
  const text = JSON.stringify(outcome.body);
  res.writeHead(outcome.status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    ...outcome.headers,
  });
  res.end(text);
}

function faultKind(decision: FaultDecision): FaultKind | undefined {
  return decision.fault?.kind ?? (decision.latencyMs > 0 ? "latency" : undefined);
}

async function handle(
  deps: PipelineDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req);
  if (body === ABORTED) return;
  const method = (req.method ?? "GET").toUpperCase();
  // Concatenated rather than resolved against a base: a path starting with "//" must stay
  // a path, not become a host.
  const url = new URL(`http://simulator.invalid${req.url ?? "/"}`);
  const match = matchRoute(method, url.pathname);
  const entry: RequestLogEntry = {
    method,
    path: url.pathname,
    route: match ? routeLabel(match.route) : null,
    status: 0,
  };
  if (url.search) entry.query = url.search.slice(1);
  const decision = deps.faults.take(method, url.pathname);
  // An injected fault wins; otherwise the token bucket decides, before any other step.
  const waitSeconds = decision.fault ? 0 : deps.rateLimiter.take(deps.now());
  if (waitSeconds > 0) decision.fault = { kind: "rateLimit", retryAfterSeconds: waitSeconds };
  const fault = faultKind(decision);
  if (fault) entry.fault = fault;
  if (decision.fault?.kind === "reset") {
    req.socket.destroy();
    deps.log.record(entry);
    return;
  }
  const input = { method, path: url.pathname, query: url.searchParams, match, body };
  const authorization = req.headers.authorization;
  let outcome =
    injectedOutcome(decision.fault) ??
    oversizedOutcome(deps.profile, body) ??
    runPipeline(deps, { ...input, authorization }, entry);
  outcome = checkResponse(deps, outcome, entry);
  if (outcome.applied) deps.onChange();
  await deps.delays.wait(decision.latencyMs);
  if (decision.fault?.kind === "dropAfterApply") {
    req.socket.destroy();
  } else {
    entry.status = outcome.status;
    send(res, outcome);
  }
  deps.log.record(entry);
}

/**
 * Builds the `node:http` request listener running the pipeline.
 * @param deps - the simulator's state, fault rules, log and clock.
 */
export function createRequestListener(deps: PipelineDeps): RequestListener {
  return (req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      deps.responseErrors.push({
        method: req.method ?? "",
        path: req.url ?? "",
        route: null,
        details: String(error),
      });
      req.socket.destroy();
    });
  };
}
