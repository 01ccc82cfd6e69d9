// @ts-check
"use strict";
/**
 * The plain `pulumi` CLI as the benchmark runs it: one child process per command, in the
 * project folder, against a file backend, timed from spawn to exit.
 */

const path = require("node:path");
const { performance } = require("node:perf_hooks");
const { ensurePulumi, pulumiEnv } = require("../pulumi/ensure.js");
const { findOnPath } = require("../pulumi/locate.js");
const { run } = require("../pulumi/run.js");

/** What the program's process needs beside the CLI, named in the error when it is missing. */
const LANGUAGE_HOST = "pulumi-language-nodejs";

/**
 * @typedef {object} PulumiCli
 * @property {string} pulumiPath
 * @property {string} version
 * @property {string} languageHost Where `pulumi-language-nodejs` was found.
 * @property {(extra: Record<string, string>) => Record<string, string>} env The environment
 *   for a `pulumi` child: the CLI's bin dir first on PATH, plus `extra`.
 */

/**
 * Finds (or builds, once per machine) the Pulumi CLI and the nodejs language host a plain
 * `pulumi up` in a project folder needs: beside the CLI or on PATH.
 * @param {(line: string) => void} log
 * @returns {Promise<PulumiCli>}
 * @throws {Error} (rejects) when there is no CLI and none can be built (ensurePulumi's
 *   message), or when `pulumi-language-nodejs` is neither beside the CLI nor on PATH
 */
async function findCli(log) {
  // `languageHost` asks ensurePulumi to build the host when it can (older versions ignore it).
  const ensureOptions = { log, languageHost: true };
  const cli = await ensurePulumi(ensureOptions);
  const languageHost = cli.languagePlugin
    ? path.join(cli.binDir, LANGUAGE_HOST)
    : findOnPath(LANGUAGE_HOST, process.env.PATH);
  if (!languageHost) {
    throw new Error(
      `${LANGUAGE_HOST} is neither in ${cli.binDir} nor on PATH: a plain \`pulumi up\` needs it. ` +
        `Build it as DESIGN.md ("The Pulumi CLI on these machines") says and put it in ${cli.binDir}.`,
    );
  }
  return {
    pulumiPath: cli.pulumiPath,
    version: cli.version,
    languageHost,
    env: (extra) => pulumiEnv(cli, extra),
  };
}

/**
 * @typedef {object} TimedRun
 * @property {number} seconds Wall time from spawn to exit.
 * @property {string} stdout
 */

/**
 * Runs `pulumi <args>` in `cwd` and times it.
 * @param {PulumiCli} cli
 * @param {string[]} args
 * @param {string} cwd
 * @param {Record<string, string>} env Variables beyond the CLI's own (backend, passphrase, ...).
 * @returns {Promise<TimedRun>}
 * @throws {Error} (rejects) when the command exits non-zero: the message holds the command,
 *   its exit code and the last lines it printed
 */
async function pulumi(cli, args, cwd, env) {
  const started = performance.now();
  const result = await run(cli.pulumiPath, args, { cwd, env: cli.env(env) });
  const seconds = (performance.now() - started) / 1000;
  if (result.code !== 0) {
    const said = `${result.stdout.split("\n").slice(-30).join("\n")}\n${result.stderr}`.trim();
    throw new Error(`\`pulumi ${args.join(" ")}\` exited with ${result.code}:\n${said}`);
  }
  return { seconds, stdout: result.stdout };
}

module.exports = { findCli, pulumi };
