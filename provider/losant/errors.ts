import type { LosantAction } from "./scopes";

/**
 * Everything a caller needs to know about a failed Losant API call. The token is never part of
 * it: not in the message, not in any field.
 */
export class LosantApiError extends Error {
  declare readonly name: "LosantApiError";
  /** HTTP status, or undefined when no response arrived (network error, timeout). */
  readonly status: number | undefined;
  /**
   * Losant's error `type` from the response body (for example `NotFound`, `Validation`), or
   * `NetworkError` / `Timeout` when no response arrived.
   */
  readonly type: string;
  /** Losant's error `message`, or a description of the transport failure. */
  readonly apiMessage: string;
  /** The API action that failed, for example `instanceOrg.patch`. */
  readonly action: LosantAction;
  readonly method: string;
  /** The request path without the query string. */
  readonly path: string;
  /** How many requests were sent for this call, retries included. */
  readonly attempts: number;
  /** The server's `Retry-After`, in milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined;
  /** The scopes the action accepts; set on 401 and 403. */
  readonly requiredScopes: readonly string[] | undefined;
  /**
   * True when the request may have been applied although no success came back (timeout or
   * dropped connection after sending, a 5xx): a create must look before it sends again.
   */
  readonly outcomeUnknown: boolean;

  /** Builds the error; `message` is composed from the parts so every error reads the same way. */
  constructor(parts: {
    status: number | undefined;
    type: string;
    apiMessage: string;
    action: LosantAction;
    method: string;
    path: string;
    attempts: number;
    retryAfterMs?: number;
    requiredScopes?: readonly string[];
    outcomeUnknown: boolean;
  }) {
    const message = describeFailure(parts);
    super(message);
    // Pulumi's closure serializer turns classes into plain functions: field initializers are
    // dropped and `Error.call(this)` sets nothing on `this`. Assigning here survives both.
    this.name = "LosantApiError";
    this.message = message;
    this.status = parts.status;
    this.type = parts.type;
    this.apiMessage = parts.apiMessage;
    this.action = parts.action;
    this.method = parts.method;
    this.path = parts.path;
    this.attempts = parts.attempts;
    this.retryAfterMs = parts.retryAfterMs;
    this.requiredScopes = parts.requiredScopes;
    this.outcomeUnknown = parts.outcomeUnknown;
  }
}

function describeFailure(parts: ConstructorParameters<typeof LosantApiError>[0]): string {
  const what = parts.status === undefined ? parts.type : `${parts.status} ${parts.type}`;
  let text = `Losant API ${parts.action} (${parts.method} ${parts.path}) failed: ${what}: ${parts.apiMessage}`;
  if (parts.attempts > 1) text += ` (after ${parts.attempts} attempts)`;
  if (parts.status === 401) {
    text += `. ${INVALID_TOKEN_HINT}`;
  } else if (parts.status === 403) {
    text += `. The token lacks the scope for ${parts.action}; it needs one of: ${parts.requiredScopes?.join(", ")}`;
  } else if (isTemporary(parts)) {
    text += `. ${TEMPORARY_FAILURE_HINT}`;
  }
  return text;
}

/**
 * What a user can do about a 401. The token is not accepted at all, so its scopes are beside
 * the point (a 403 names them): the fix is another token.
 */
export const INVALID_TOKEN_HINT =
  "The API token is invalid or expired: set a valid one with " +
  "`pulumi config set --secret losant:apiToken <token>` or the LOSANT_API_TOKEN variable";

/** What a user can do about a failure that retrying later cures. */
export const TEMPORARY_FAILURE_HINT =
  "The API was busy, unavailable or unreachable: run the same pulumi command again once it " +
  "answers; that is safe, since a change that may have been applied is checked first or is " +
  "harmless to send again";

/** Rate limits, server errors, timeouts and dropped connections pass; a retry later may not fail. */
function isTemporary(parts: { status: number | undefined; type: string }): boolean {
  if (parts.status === undefined) return parts.type === "Timeout" || parts.type === "NetworkError";
  return parts.status === 429 || parts.status >= 500;
}

/**
 * True when `err` is a {@link LosantApiError}, also across copies of this module and in the
 * provider as serialized into the state (where its errors do not inherit from Error).
 */
export function isLosantApiError(err: unknown): err is LosantApiError {
  return hasName(err, "LosantApiError");
}

/** True when `err` is a {@link LosantApiError} with status 404. */
export function isNotFound(err: unknown): boolean {
  return isLosantApiError(err) && err.status === 404;
}

/**
 * A configuration problem found before any request: a missing token, a bad API URL, a token
 * that would travel over plain http to a host that is not this machine.
 */
export class LosantConfigError extends Error {
  declare readonly name: "LosantConfigError";
  /** The setting at fault, for example `losant:apiToken`. */
  readonly setting: string;

  /** @param setting - the configuration key at fault; @param message - what to do about it. */
  constructor(setting: string, message: string) {
    super(message);
    // Assigned in the body, not as fields: see LosantApiError.
    this.name = "LosantConfigError";
    this.message = message;
    this.setting = setting;
  }
}

/** True when `err` is a {@link LosantConfigError}. */
export function isLosantConfigError(err: unknown): err is LosantConfigError {
  return hasName(err, "LosantConfigError");
}

function hasName(err: unknown, name: string): boolean {
  return typeof err === "object" && err !== null && (err as { name?: unknown }).name === name;
}
