/**
 * Bearer tokens: opaque random strings, each with a scope list.
 */
import { randomBytes } from "node:crypto";

import { ApiError, INVALID_TOKEN_MESSAGE, MISSING_TOKEN_MESSAGE } from "./errors";

/** A token with its scopes, as kept in memory and in the state file. */
export interface TokenRecord {
  token: string;
  scopes: string[];
}

/** Keeps the tokens the simulator accepts. */
export class TokenStore {
  private readonly tokens = new Map<string, readonly string[]>();

  /**
   * @param records - tokens to accept from the start (for example from a state file).
   */
  constructor(records: readonly TokenRecord[] = []) {
    for (const record of records) this.tokens.set(record.token, [...record.scopes]);
  }

  /**
   * Creates a token carrying exactly `scopes`.
   * @returns the new opaque token string.
   */
  add(scopes: readonly string[]): string {
    const token = randomBytes(24).toString("base64url");
    this.tokens.set(token, [...scopes]);
    return token;
  }

  /**
   * Resolves an `Authorization` header to the token's scopes.
   * @throws ApiError 401 when the header is missing, not `Bearer`, or the token is unknown.
   */
  authenticate(header: string | undefined): readonly string[] {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
    if (!match) throw new ApiError(401, MISSING_TOKEN_MESSAGE);
    const scopes = this.tokens.get(match[1]);
    if (!scopes) throw new ApiError(401, INVALID_TOKEN_MESSAGE);
    return scopes;
  }

  /** All tokens, for saving the state file. */
  toRecords(): TokenRecord[] {
    return [...this.tokens].map(([token, scopes]) => ({ token, scopes: [...scopes] }));
  }
}
