/**
 * The users of an instance: a few seeded ones, the same for the same instance ID on every
 * run, and those a test adds or an add-by-email creates. Members refer to them by ID.
 */
import { createHash } from "node:crypto";

import type { UserRecord } from "./model";

/** What a test gives to add a user; everything but `email` has a default. */
export interface AddUserOptions {
  email: string;
  firstName?: string;
  lastName?: string;
  avatarUrl?: string;
  twoFactorAuthEnabled?: boolean;
  ssoLinked?: boolean;
}

/** The seeded users of every instance, by name; their emails are `first.last@example.com`. */
const SEED_USERS: readonly Omit<AddUserOptions, "email">[] = [
  { firstName: "Ada", lastName: "Lovelace", twoFactorAuthEnabled: true },
  { firstName: "Grace", lastName: "Hopper" },
  { firstName: "Alan", lastName: "Turing", ssoLinked: true },
  { firstName: "Katherine", lastName: "Johnson" },
  { firstName: "Edsger", lastName: "Dijkstra" },
  { firstName: "Barbara", lastName: "Liskov" },
];

/**
 * A user ID derived from the instance and the email, so a seeded user has the same ID on
 * every run (24 lowercase hex characters, like every Losant ID).
 */
export function derivedUserId(instanceId: string, email: string): string {
  return createHash("sha256").update(`${instanceId}\n${email}`).digest("hex").slice(0, 24);
}

/** A user record from the options, `pending` false, flags false unless given. */
export function userRecord(id: string, instanceId: string, options: AddUserOptions): UserRecord {
  return {
    id,
    instanceId,
    email: options.email,
    ...(options.firstName === undefined ? {} : { firstName: options.firstName }),
    ...(options.lastName === undefined ? {} : { lastName: options.lastName }),
    ...(options.avatarUrl === undefined ? {} : { avatarUrl: options.avatarUrl }),
    twoFactorAuthEnabled: options.twoFactorAuthEnabled ?? false,
    ssoLinked: options.ssoLinked ?? false,
    pending: false,
  };
}

/** The seeded users of an instance, in a fixed order. */
export function seedUsers(instanceId: string): UserRecord[] {
  return SEED_USERS.map((seed) => {
    const email = `${seed.firstName}.${seed.lastName}@example.com`.toLowerCase();
    const id = derivedUserId(instanceId, email);
    const avatarUrl = `https://avatars.example.com/${id}.png`;
    return userRecord(id, instanceId, { ...seed, email, avatarUrl });
  });
}

/** Whether two emails name the same user: Losant compares them without regard to case. */
export function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
