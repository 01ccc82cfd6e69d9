/**
 * A local Losant API for instance organizations: a real HTTP server on loopback, driven by
 * the official schemas. Start it with {@link startSimulator}.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

import { TokenStore } from "./auth";
import { Delays } from "./delays";
import { Faults } from "./faults";
import { resolveProfile, type ProfileName, type SimulatorProfile } from "./profiles";
import { RateLimiter, type RateLimit } from "./rateLimit";
import { RequestLog } from "./requestLog";
import {
  memberResponse,
  orgResponse,
  withoutHypermedia,
  type MemberResponse,
  type OrgResponse,
} from "./responses";
import { createRequestListener, type ResponseError } from "./server";
import { loadState, saveState, type SimulatorState, STATE_VERSION } from "./state";
import { Store, type AddInstanceOptions } from "./store";
import type { ResourceRole, UserRecord } from "./model";
import type { AddUserOptions } from "./users";
import { SUMMARY_FIELDS } from "./summary";

export * from "./errors";
export type {
  ActiveFault,
  DropAfterApplyFault,
  Fault,
  FaultKind,
  FaultMatch,
  FaultRule,
  Faults,
  LatencyFault,
  RateLimitFault,
  ResetFault,
  StatusFault,
} from "./faults";
export type { RateLimit } from "./rateLimit";
export type { RequestFilter, RequestLog, RequestLogEntry } from "./requestLog";
export type { ResponseError } from "./server";
export type { AddInstanceOptions } from "./store";
export type { AddUserOptions } from "./users";
export type { Banner, Limits, LimitKey, MemberRole, MfaMode, ResourceRole, Tag } from "./model";
export type { OrgSummary, SummaryField, SummaryValue } from "./summary";
export { DEFAULT_INSTANCE_LIMITS } from "./model";
export { ACCEPTED_SCOPES, type Action } from "./scopes";
export { SUMMARY_FIELDS } from "./summary";
export { DAY_MS, HOUR_MS, MAX_USAGE_BUCKETS } from "./usage";
export { MAX_BODY_BYTES } from "./server";
export {
  HOURLY_RETENTION_MS,
  PROFILE_ENV,
  PROFILE_NAMES,
  PROFILE_VALUES,
  PROFILES,
  isProfileName,
  namedProfile,
  resolveProfile,
  type ProfileDimension,
  type ProfileName,
  type SimulatorProfile,
} from "./profiles";
export { FIELDS_MISSING_FROM_ORG_SHAPE } from "./responses";

/** Options of {@link startSimulator}; every field is optional. */
export interface SimulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Host to bind; default `127.0.0.1`. */
  host?: string;
  /** JSON file to load state from at start and save it to after every change. */
  stateFile?: string;
  /** Check every response against its schema (default true); failures answer 500. */
  validateResponses?: boolean;
  /** Clock in ms since the epoch (default `Date.now`), for timestamps and "now" in usage. */
  now?: () => number;
  /**
   * How the simulator answers what the documentation leaves open: a named profile, or some
   * dimensions merged over `documented` (the default). See `simulator/README.md`.
   */
  profile?: ProfileName | Partial<SimulatorProfile>;
  /**
   * A token-bucket limit over every request: beyond it the simulator answers 429 with
   * `Retry-After`. None by default; {@link Simulator.setRateLimit} changes it at run time.
   */
  rateLimit?: RateLimit;
}

/** An org as the simulator holds it, in its response shape without hypermedia. */
export type SimulatedOrg = Omit<OrgResponse, "_type" | "_links">;

/** A user of an instance as the simulator holds it (`pending`: invited, not signed up). */
export type SimulatedUser = UserRecord;

/** A member as the simulator holds it: its answer without hypermedia, and what it keeps. */
export type SimulatedMember = Omit<MemberResponse, "_type" | "_links"> & {
  /** Stored as POST or PATCH accepted them; the API does not answer them. */
  applicationRoles: ResourceRole[];
  dashboardRoles: ResourceRole[];
  /** A user invited by email who has not signed up (`memberEmailUnknown: "invite"`). */
  pending: boolean;
};

/** A running simulator. */
export interface Simulator {
  /** Base URL, such as `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly port: number;
  /** ID of the seeded instance. */
  readonly instanceId: string;
  /** The profile in force, every dimension filled in. */
  readonly profile: SimulatorProfile;
  /** The seeded tokens: `admin` has `all.Instance`, `readOnly` has `all.Instance.read`. */
  readonly tokens: { readonly admin: string; readonly readOnly: string };
  /** Creates a token with exactly these scopes and returns it. */
  addToken(scopes: readonly string[]): string;
  /** Adds another instance and returns its ID. */
  addInstance(options?: AddInstanceOptions): string;
  /**
   * The orgs held now (of one instance, or all), read directly without an HTTP request so
   * tests can check server state without touching the request log.
   * @throws ApiError 404 when `instanceId` names no instance.
   */
  orgs(instanceId?: string): SimulatedOrg[];
  /**
   * The users of an instance (the seeded one by default): six seeded ones, the same for the
   * same instance ID on every run, then those added or created by an add by email.
   * @throws ApiError 404 when `instanceId` names no instance.
   */
  users(instanceId?: string): SimulatedUser[];
  /**
   * Adds a user with an account to an instance (the seeded one by default).
   * @returns the new user, with a random ID.
   * @throws Error when a user of the instance already has the email; ApiError 404 for an
   * unknown instance.
   */
  addUser(options: AddUserOptions, instanceId?: string): SimulatedUser;
  /**
   * The members of an org, read directly like {@link orgs}, with what the API does not
   * answer (application and dashboard roles, whether the invitation is pending).
   * @throws ApiError 404 when the instance or org does not exist.
   */
  members(orgId: string, instanceId?: string): SimulatedMember[];
  /** Every request seen, with `count(filter)` and `reset()`. */
  readonly requests: RequestLog;
  /** Fault injection rules: `add(rule)`, `remove(id)`, `clear()`, `list()`. */
  readonly faults: Faults;
  /**
   * Sets the token-bucket limit (starting with a full bucket), or lifts it with `undefined`.
   * @throws RangeError when `requestsPerSecond` is not positive or `burst` is below 1.
   */
  setRateLimit(limit: RateLimit | undefined): void;
  /** The token-bucket limit in force, if any. */
  readonly rateLimit: Readonly<RateLimit> | undefined;
  /** Responses that failed their own schema (answered 500) and unexpected crashes. */
  readonly responseErrors: readonly ResponseError[];
  /**
   * Stops listening, destroys open sockets, ends pending latency and saves the state.
   * Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

function seedState(store: Store, tokens: TokenStore): SimulatorState["seed"] {
  return {
    instanceId: store.addInstance(),
    tokens: { admin: tokens.add(["all.Instance"]), readOnly: tokens.add(["all.Instance.read"]) },
  };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts a simulator with one seeded instance (default limits) and two seeded tokens.
 * @param options - see {@link SimulatorOptions}.
 * @returns the running simulator.
 * @throws Error when the port cannot be bound, the state file cannot be read (not JSON,
 * another version) or written, or the profile is unknown or has an unknown value.
 * @throws RangeError for a `rateLimit` that `setRateLimit` refuses.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? Date.now;
  const profile = resolveProfile(options.profile);
  const rateLimiter = new RateLimiter();
  rateLimiter.set(options.rateLimit, now());
  const host = options.host ?? "127.0.0.1";
  const loaded = options.stateFile ? loadState(options.stateFile) : undefined;
  const store = new Store(now, loaded, profile);
  const tokens = new TokenStore(loaded?.tokens);
  const seed = loaded?.seed ?? seedState(store, tokens);
  const save = (): void => {
    if (!options.stateFile) return;
    saveState(options.stateFile, {
      version: STATE_VERSION,
      seed,
      ...store.toRecords(),
      tokens: tokens.toRecords(),
    });
  };
  save();

  const log = new RequestLog();
  const faults = new Faults();
  const delays = new Delays();
  const responseErrors: ResponseError[] = [];
  const listener = createRequestListener({
    store,
    tokens,
    faults,
    log,
    delays,
    responseErrors,
    validateResponses: options.validateResponses ?? true,
    now,
    profile,
    rateLimiter,
    onChange: save,
  });
  const server = createServer(listener);
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  const address = await listen(server, options.port ?? 0, host);
  let closing: Promise<void> | undefined;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    instanceId: seed.instanceId,
    profile,
    tokens: seed.tokens,
    addToken(scopes) {
      const token = tokens.add(scopes);
      save();
      return token;
    },
    addInstance(instanceOptions) {
      const id = store.addInstance(instanceOptions);
      save();
      return id;
    },
    orgs(instanceId) {
      return store
        .listOrgs(instanceId)
        .map((org) => withoutHypermedia(orgResponse(org, SUMMARY_FIELDS, now())) as SimulatedOrg);
    },
    users(instanceId = seed.instanceId) {
      return store.users(instanceId);
    },
    addUser(userOptions, instanceId = seed.instanceId) {
      const user = store.addUser(instanceId, userOptions);
      save();
      return user;
    },
    members(orgId, instanceId = seed.instanceId) {
      return store.members(instanceId, orgId).map(({ member, user }) => ({
        ...(withoutHypermedia(memberResponse(member, user)) as Omit<
          MemberResponse,
          "_type" | "_links"
        >),
        applicationRoles: member.applicationRoles,
        dashboardRoles: member.dashboardRoles,
        pending: user.pending,
      }));
    },
    requests: log,
    faults,
    setRateLimit(limit) {
      rateLimiter.set(limit, now());
    },
    get rateLimit() {
      return rateLimiter.limit;
    },
    responseErrors,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => {
          save();
          if (error) reject(error);
          else resolve();
        });
        delays.cancelAll();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
