/**
 * A scripted stand-in for the Losant API, injected through `LosantClientOptions.fetch`.
 * Each test lists the server's answers in order and then asserts the requests the server
 * saw (method, path and query, headers, body), as plugin-retry's fake transport does.
 * `sleep`, `random` and `now` are injected too: sleeps are recorded and move the fake clock,
 * so no test ever waits on the real one.
 */
import { LosantClient } from "../../../provider/losant/client";
import { LosantApiError } from "../../../provider/losant/errors";
import type {
  FetchInit,
  FetchLike,
  FetchResponse,
  LosantClientOptions,
} from "../../../provider/losant/options";

/** The token every fake client sends; tests check it never leaks into errors. */
export const TOKEN = "tok-Sup3rSecret-0123456789abcdef";
/** The base URL of the fake server. */
export const BASE_URL = "https://losant.example.test";
/** The fake clock's start: a whole second, so HTTP dates round-trip exactly. */
export const T0 = Date.parse("2025-03-01T12:00:00.000Z");
/** 24-hex IDs as the API uses them. */
export const INSTANCE_ID = "5f0c8a1b2c3d4e5f60718293";
export const ORG_ID = "60a1b2c3d4e5f60718293a4b";
/** The paths the API documents for them: the org collection and the org. */
export const ORGS_PATH = `/instances/${INSTANCE_ID}/orgs`;
export const ORG_PATH = `${ORGS_PATH}/${ORG_ID}`;

/** One scripted answer of the fake server. */
export type Answer =
  /** An HTTP response; `body` is sent as JSON, `text` as is. */
  | { status: number; body?: unknown; text?: string; headers?: Record<string, string> }
  /** Headers arrive, then the body never does until the request is aborted. */
  | { status: number; stallBody: true }
  /** The connection fails before any response (refused, reset). */
  | { networkError: string; code?: string }
  /** No answer at all until the request is aborted. */
  | { hang: true };

/** A request the fake server received. */
export interface Call {
  method: string;
  /** Path and raw query, for example `/instances/x/orgs?page=0`. */
  url: string;
  /** The decoded query. */
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined when none was sent. */
  body: unknown;
}

/** A JSON answer. */
export function reply(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { status, body, headers };
}

/** Losant's error body, `{type, message}`, with the given status. */
export function apiError(
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
): Answer {
  return reply(status, { type, message }, headers);
}

/** A connection failure with a Node error code. */
export function networkError(code = "ECONNRESET"): Answer {
  return { networkError: `socket hang up (${code})`, code };
}

/** A request that never gets an answer. */
export const hang: Answer = { hang: true };

/** An org as the server would return it. */
export function org(fields: { id?: string; name?: string; creationDate?: string } = {}) {
  const id = fields.id ?? ORG_ID;
  return {
    id,
    orgId: id,
    instanceId: INSTANCE_ID,
    name: fields.name ?? "Acme",
    creationDate: fields.creationDate ?? new Date(T0).toISOString(),
  };
}

/** A page of the org list. */
export function orgList(items: unknown[]) {
  return { items, count: items.length, totalCount: items.length, perPage: 100, page: 0 };
}

/** The fake server: a `fetch` that plays `answers` in order and logs every request. */
export function fakeFetch(
  answers: readonly Answer[],
  onRequest: () => void = () => {},
): { fetch: FetchLike; calls: Call[] } {
  const queue = [...answers];
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push(toCall(url, init));
    onRequest();
    const answer = queue.shift();
    if (answer === undefined) throw new Error(`unscripted request ${init.method} ${url}`);
    if ("hang" in answer) return untilAborted(init.signal);
    if ("networkError" in answer) {
      throw Object.assign(new Error(answer.networkError), { code: answer.code });
    }
    if ("stallBody" in answer) return response(answer.status, {}, untilAborted(init.signal));
    const text = answer.text ?? (answer.body === undefined ? "" : JSON.stringify(answer.body));
    return response(answer.status, answer.headers ?? {}, Promise.resolve(text));
  };
  return { fetch, calls };
}

/** `METHOD /path?query` of each call, the shape most call-log assertions compare. */
export function requestLines(calls: readonly Call[]): string[] {
  return calls.map((call) => `${call.method} ${call.url}`);
}

/** A client wired to the fake server, with a recorded `sleep`, a fixed `random` and a clock. */
export interface FakeClient {
  client: LosantClient;
  calls: Call[];
  /** The delays the client asked to sleep, in order. */
  sleeps: number[];
  /** The fake clock, in ms since the epoch; `sleep` advances it. */
  clock: { now: number };
}

/**
 * Builds a {@link LosantClient} against a scripted server; `options` override the defaults,
 * and `requestMs` is how far the fake clock moves while the server handles each request.
 */
export function fakeClient(
  answers: readonly Answer[],
  { requestMs = 0, ...options }: Partial<LosantClientOptions> & { requestMs?: number } = {},
): FakeClient {
  const clock = { now: T0 };
  const { fetch, calls } = fakeFetch(answers, () => {
    clock.now += requestMs;
  });
  const sleeps: number[] = [];
  const client = new LosantClient({
    token: TOKEN,
    url: BASE_URL,
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.now += ms;
    },
    random: () => 0.5,
    now: () => clock.now,
    // Its own gate: the process-wide one would carry one test's pause into the next.
    rateGate: { pausedUntil: 0 },
    ...options,
  });
  return { client, calls, sleeps, clock };
}

/** The {@link LosantApiError} a call fails with, for tests that inspect several of its fields. */
export async function failureOf(promise: Promise<unknown>): Promise<LosantApiError> {
  const outcome = await promise.then(
    () => "resolved",
    (err: unknown) => err,
  );
  expect(outcome).toBeInstanceOf(LosantApiError);
  return outcome as LosantApiError;
}

function toCall(url: string, init: FetchInit): Call {
  const parsed = new URL(url);
  // Requests to the fake server's own origin are logged by path; any other keeps its origin.
  const origin = parsed.origin === new URL(BASE_URL).origin ? "" : parsed.origin;
  return {
    method: init.method,
    url: origin + parsed.pathname + parsed.search,
    query: Object.fromEntries(parsed.searchParams),
    headers: { ...init.headers },
    body: init.body === undefined ? undefined : JSON.parse(init.body),
  };
}

function response(
  status: number,
  headers: Record<string, string>,
  text: Promise<string>,
): FetchResponse {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status,
    headers: { get: (name) => lower.get(name.toLowerCase()) ?? null },
    text: () => text,
  };
}

/** A promise that rejects the way fetch does when its signal aborts, and never resolves. */
function untilAborted<T>(signal: AbortSignal | undefined): Promise<T> {
  return new Promise<T>((_, reject) => {
    signal?.addEventListener("abort", () =>
      reject(Object.assign(new Error("The user aborted a request."), { name: "AbortError" })),
    );
  });
}
