/**
 * Jest setup file of the per-profile integration projects (`jest.config.js`): sets
 * `LOSANT_SIM_PROFILE` from the project's `globals`, so every simulator `useSimulator()`
 * starts in that test file runs under the project's profile. Jest gives each test file its
 * own copy of `process.env`, so the setting never leaks into another project's files.
 */
import { PROFILE_ENV } from "../../simulator";

const profile = (globalThis as { LOSANT_SIM_PROFILE?: unknown }).LOSANT_SIM_PROFILE;
if (typeof profile === "string") process.env[PROFILE_ENV] = profile;
