/**
 * Losant's error body and the message templates the simulator answers with.
 *
 * Templates are exported so tests assert on the same text the server sends instead of
 * copying strings that could drift apart.
 */

/** The `type` strings of Losant's error body, one per HTTP status family. */
export type ApiErrorType =
  | "Validation"
  | "Unauthorized"
  | "Forbidden"
  | "NotFound"
  | "PayloadTooLarge"
  | "TooManyRequests"
  | "ServerError";

/** Losant's error body (`schemas/error.json`). */
export interface ApiErrorBody {
  type: ApiErrorType;
  message: string;
}

/** Maps an HTTP error status to the error `type` the simulator sends with it. */
export function errorTypeForStatus(status: number): ApiErrorType {
  switch (status) {
    case 400:
      return "Validation";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "NotFound";
    case 413:
      return "PayloadTooLarge";
    case 429:
      return "TooManyRequests";
    default:
      return "ServerError";
  }
}

/**
 * An early exit from a request's steps: becomes the HTTP status and Losant error body.
 * Thrown by the steps and caught once by the server, so no step writes to the socket itself.
 */
export class ApiError extends Error {
  /** HTTP status to answer with. */
  readonly status: number;
  /** Losant error `type`, derived from the status. */
  readonly type: ApiErrorType;

  /**
   * @param status - HTTP status (400, 401, 403, 404, 413, 429 or 5xx).
   * @param message - the `message` of the error body.
   */
  constructor(status: number, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.type = errorTypeForStatus(status);
  }

  /** The JSON body Losant answers with. */
  toBody(): ApiErrorBody {
    return { type: this.type, message: this.message };
  }
}

/** 401: no `Authorization: Bearer <token>` header. */
export const MISSING_TOKEN_MESSAGE = "Authorization header with a Bearer token is required";

/** 401: a bearer token the simulator does not know. */
export const INVALID_TOKEN_MESSAGE = "Invalid access token";

/** 403: the token has none of the scopes the action accepts. */
export const FORBIDDEN_MESSAGE = (action: string, accepted: readonly string[]): string =>
  `Token is not authorized for ${action}; it needs one of these scopes: ${accepted.join(", ")}`;

/** 404: no route for this method and path. */
export const ROUTE_NOT_FOUND_MESSAGE = (method: string, path: string): string =>
  `No route for ${method} ${path}`;

/** 404: the instance in the path does not exist. */
export const INSTANCE_NOT_FOUND_MESSAGE = "Instance was not found";

/** 404: the organization in the path does not exist in that instance. */
export const ORG_NOT_FOUND_MESSAGE = "Organization was not found";

/** 404: the user in the path is not a member of the org. */
export const MEMBER_NOT_FOUND_MESSAGE = "Member was not found";

/** 400: a member body names a user ID no user of the instance has. */
export const USER_NOT_FOUND_MESSAGE = (userId: string): string =>
  `No user with ID ${userId} exists in this instance`;

/** 400: a member body names an email no user has (profile `memberEmailUnknown: "refuse"`). */
export const UNKNOWN_EMAIL_MESSAGE = (email: string): string =>
  `No user has the email ${email}; add a user who has an account`;

/** 400: the user is already a member (profile `memberAddExisting: "refuse"`). */
export const ALREADY_MEMBER_MESSAGE = (userId: string): string =>
  `User ${userId} is already a member of this organization`;

/** 400: the change would leave the org without an admin (`lastAdminRemoval: "refused"`). */
export const LAST_ADMIN_MESSAGE = (userId: string): string =>
  `User ${userId} is the organization's last admin; make another member admin first`;

/** 400: a path ID is not 24 hexadecimal characters. */
export const INVALID_ID_MESSAGE = (name: string): string =>
  `${name} must be 24 hexadecimal characters`;

/** 400: the request body is not JSON. */
export const MALFORMED_JSON_MESSAGE = "Request body is not valid JSON";

/** 400 (or 413, by profile): the request body exceeds the simulator's size limit. */
export const BODY_TOO_LARGE_MESSAGE = (limitBytes: number): string =>
  `Request body is larger than ${limitBytes} bytes`;

/** 400: the body failed its schema; `details` lists `instancePath: message (keyword)`. */
export const INVALID_BODY_MESSAGE = (details: string): string =>
  `Request body is invalid: ${details}`;

/** 400: a query parameter has a value the endpoint refuses. */
export const INVALID_QUERY_MESSAGE = (name: string, expected: string): string =>
  `Query parameter ${name} is invalid: expected ${expected}`;

/** 400: the list's `query` parameter breaks `advancedInstanceOrgQuery`; `details` as above. */
export const INVALID_ADVANCED_QUERY_MESSAGE = (details: string): string =>
  `Query parameter query is invalid: ${details}`;

/** 400: `start` is after `end`. */
export const START_AFTER_END_MESSAGE = "Query parameter start must not be after end";

/** 400: hourly payload data asked for past its retention (profile `hourlyRetention: "refused"`). */
export const HOURLY_RETENTION_MESSAGE = (days: number): string =>
  `Hourly payload data is kept for ${days} days; start must be within that window`;

/** 400: the usage range holds more buckets than the simulator answers. */
export const TOO_MANY_BUCKETS_MESSAGE = (buckets: number, limit: number): string =>
  `Requested range holds ${buckets} buckets; at most ${limit} are allowed`;

/** 400: `summaryInclude` names a field the summary does not have. */
export const UNKNOWN_SUMMARY_FIELD_MESSAGE = (field: string): string =>
  `summaryInclude names an unknown summary field: ${field}`;

/** 429: an injected rate limit. */
export const RATE_LIMITED_MESSAGE = "Too many requests, please retry later";

/** 5xx: an injected server error. */
export const INJECTED_SERVER_ERROR_MESSAGE = (status: number): string =>
  `Injected server error ${status}`;

/** 500: the simulator built a response that fails its own response schema. */
export const INVALID_RESPONSE_MESSAGE = (details: string): string =>
  `Simulator built an invalid response: ${details}`;

/** 500: an unexpected exception inside the simulator. */
export const INTERNAL_ERROR_MESSAGE = "Internal simulator error";
