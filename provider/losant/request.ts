import { LosantApiError } from "./errors";
import type { FetchResponse, ResolvedClientOptions } from "./options";
import { passGate, pauseGate } from "./rateGate";
import { backoffDelay, isRetryable, parseRetryAfter } from "./retry";
import { ACTION_SCOPES, type LosantAction } from "./scopes";
import { leftNothingApplied } from "./statuses";

/** A query value; undefined ones are left out of the query string. */
export type QueryValue = string | number | boolean | undefined;

/** One API call as the endpoint methods describe it; `T` is what its 2xx answer holds. */
export interface ApiRequest<T = unknown> {
  action: LosantAction;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path below the base URL, segments already encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /**
   * Finds out what became of an attempt whose outcome is unknown (see `statuses.ts`): resolves
   * to the result when the request was applied after all, to undefined when it was not (it is
   * then sent again, within the same retry budget and deadline), and throws when it cannot
   * tell. Without it, such an attempt is retried only when its method is idempotent.
   *
   * @param sentAt - when the attempt was sent, on the client's clock
   */
  settle?: (error: LosantApiError, sentAt: number) => Promise<T | undefined>;
}

/** The API version the official client pins; the server answers in that version's shape. */
const ACCEPT_VERSION = "^1.30.0";

/**
 * Sends one API call, retrying what is safe to retry (see `retry.ts`) within the overall
 * deadline, each attempt under its own timeout. This is the client's one retry loop. Every
 * attempt first passes the rate gate (see `rateGate.ts`), which a 429 closes for all requests
 * to the same API until its `Retry-After` (or backoff) has passed; 429s count against the
 * deadline, not against `retries`.
 *
 * @returns the parsed JSON body of the 2xx response, or what `request.settle` found
 * @throws LosantApiError for any non-2xx answer, network failure or timeout that is final,
 *   and whatever `request.settle` throws
 */
export async function sendRequest<T>(
  options: ResolvedClientOptions,
  request: ApiRequest<T>,
): Promise<T> {
  const started = options.now();
  const url = options.url + request.path + queryString(request.query);
  const headers: Record<string, string> = {
    Authorization: `Bearer ${options.token}`,
    Accept: "application/json",
    "Accept-Version": ACCEPT_VERSION,
  };
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  if (body !== undefined) headers["Content-Type"] = "application/json";

  // A 429 is the server pacing us, not a failure: it counts against the deadline only.
  let failures = 0;
  for (let attempt = 1; ; attempt++) {
    await passGate(options.rateGate, options);
    const sentAt = options.now();
    const result = await attemptOnce(options, url, { method: request.method, headers, body });
    const success = "text" in result && result.status >= 200 && result.status < 300;
    const parsed = success ? parseSuccess<T>(request, result.text, attempt) : undefined;
    if (parsed !== undefined && "value" in parsed) return parsed.value;
    const error = parsed?.error ?? toError(request, result, attempt, options.now(), options.token);
    let retryable =
      parsed === undefined &&
      isRetryable(
        request.method,
        "text" in result ? { status: result.status } : { networkError: true },
      );
    if (error.outcomeUnknown && request.settle !== undefined) {
      const settled = await request.settle(error, sentAt);
      if (settled !== undefined) return settled;
      retryable = true;
    }
    const rateLimited = error.status === 429;
    const delay = backoffDelay(attempt, options.retry, options.random, error.retryAfterMs);
    const now = options.now();
    // The limit is the API's, not this call's: others hold off even if this call gives up.
    if (rateLimited) pauseGate(options.rateGate, now + delay);
    else failures++;
    if (!retryable || failures > options.retry.retries) throw error;
    if (now + delay - started > options.retry.deadlineMs) throw error;
    await options.sleep(delay);
  }
}

function parseSuccess<T>(
  request: ApiRequest<T>,
  text: string,
  attempts: number,
): { value: T } | { error: LosantApiError } {
  if (text === "") return { value: undefined as T };
  try {
    return { value: JSON.parse(text) as T };
  } catch {
    // A 2xx that is not JSON came from something in between (a proxy's page): the request
    // may or may not have been applied.
    return {
      error: new LosantApiError({
        status: undefined,
        type: "InvalidResponse",
        apiMessage: `the answer was not JSON: ${text.trim().slice(0, 200)}`,
        action: request.action,
        method: request.method,
        path: request.path,
        attempts,
        outcomeUnknown: request.method !== "GET",
      }),
    };
  }
}

type AttemptResult =
  | { status: number; text: string; retryAfter: string | null }
  | { failure: "Timeout" | "NetworkError"; detail: string };

async function attemptOnce(
  options: ResolvedClientOptions,
  url: string,
  init: { method: string; headers: Record<string, string>; body: string | undefined },
): Promise<AttemptResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response: FetchResponse = await options.fetch(url, {
      ...init,
      signal: controller.signal,
    });
    // The body is read under the same timeout: a server can stall after the headers.
    const text = await response.text();
    return { status: response.status, text, retryAfter: response.headers.get("retry-after") };
  } catch (err) {
    if (controller.signal.aborted) {
      return { failure: "Timeout", detail: `no answer within ${options.timeoutMs} ms` };
    }
    return { failure: "NetworkError", detail: describeNetworkError(err) };
  } finally {
    clearTimeout(timer);
  }
}

function toError(
  request: ApiRequest<unknown>,
  result: AttemptResult,
  attempts: number,
  now: number,
  token: string,
): LosantApiError {
  const common = { action: request.action, method: request.method, path: request.path, attempts };
  if (!("text" in result)) {
    return new LosantApiError({
      ...common,
      status: undefined,
      type: result.failure,
      apiMessage: redact(result.detail, token),
      outcomeUnknown: true,
    });
  }
  const { type, message } = parseErrorBody(redact(result.text, token), result.status);
  const authFailure = result.status === 401 || result.status === 403;
  return new LosantApiError({
    ...common,
    status: result.status,
    type,
    apiMessage: message,
    retryAfterMs: parseRetryAfter(result.retryAfter, now),
    requiredScopes: authFailure ? ACTION_SCOPES[request.action] : undefined,
    outcomeUnknown: !leftNothingApplied(result.status),
  });
}

/** A server or transport may quote the token back (an echoing proxy): it must not reach the error. */
function redact(text: string, token: string): string {
  return token === "" ? text : text.split(token).join("[redacted]");
}

function parseErrorBody(text: string, status: number): { type: string; message: string } {
  try {
    const parsed = JSON.parse(text) as { type?: unknown; message?: unknown };
    if (parsed !== null && typeof parsed === "object") {
      return {
        type: typeof parsed.type === "string" ? parsed.type : `HTTP${status}`,
        message: typeof parsed.message === "string" ? parsed.message : text.slice(0, 500),
      };
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): keep a short excerpt as the message.
  }
  return { type: `HTTP${status}`, message: text.trim().slice(0, 500) || "(empty body)" };
}

function describeNetworkError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === "string" ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (query === undefined) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}
