// @ts-check
"use strict";
/**
 * The versions ensure.js works to and the fixed words of its output. Its own module so every
 * other one can take them without importing ensure.js (which imports them all).
 */

/** The Pulumi CLI version built into the cache (matches the `@pulumi/pulumi` devDependency). */
const PULUMI_VERSION = "3.248.0";
/** The oldest CLI accepted from PATH: inline Automation API refresh/destroy need 3.181. */
const MIN_PULUMI_VERSION = "3.181.0";
/** The oldest Go accepted for the build (older ones switch toolchains through the proxy). */
const MIN_GO_VERSION = "1.24";
/** How often a long step or a wait for the build lock says it is still going. */
const HEARTBEAT_MS = 15000;
/** Starts every progress line and error message. */
const PREFIX = "[pulumi:ensure]";

module.exports = { PULUMI_VERSION, MIN_PULUMI_VERSION, MIN_GO_VERSION, HEARTBEAT_MS, PREFIX };
