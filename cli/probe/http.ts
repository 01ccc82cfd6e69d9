/**
 * The probe's own raw requests, for what the typed client hides on purpose: the exact
 * status and body of error answers, and a body too large for the server.
 */
import type { LosantConnection } from "../../provider/losant";

/** A raw answer: status, body text and its JSON (undefined when not JSON). */
export interface RawAnswer {
  status: number;
  text: string;
  json: unknown;
}

/** Sends one request with the token and returns the answer as it came. */
export type RawRequest = (
  method: string,
  path: string,
  options?: { query?: Record<string, string>; body?: string },
) => Promise<RawAnswer>;

/** A {@link RawRequest} over Node's `fetch`, authenticated with the connection's token. */
export function rawRequester(connection: LosantConnection): RawRequest {
  return async (method, path, options = {}) => {
    const url = new URL(connection.url + path);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      url.searchParams.set(name, value);
    }
    const headers: Record<string, string> = {
      Authorization: `Bearer ${connection.token}`,
      Accept: "application/json",
    };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(url, { method, headers, body: options.body });
    const text = await response.text();
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  };
}
