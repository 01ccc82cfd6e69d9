/**
 * `losant-sim`: prints exactly one JSON line with the URL, instance and tokens, serves
 * until SIGINT/SIGTERM and exits cleanly.
 */
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { PROFILES } from "../../simulator";
import { main, parseArgs, USAGE } from "../../simulator/cli";

interface StartupLine {
  url: string;
  instanceId: string;
  tokens: { admin: string; readOnly: string };
}

describe("parseArgs", () => {
  it("defaults to a free port on 127.0.0.1 without a state file", () => {
    expect(parseArgs([])).toEqual({
      port: 0,
      host: "127.0.0.1",
      logRequests: false,
      help: false,
    });
  });

  it("reads --port, --host and --state, with a space or an equals sign", () => {
    expect(parseArgs(["--port", "8080", "--host=::1", "--state", "s.json"])).toEqual({
      port: 8080,
      host: "::1",
      stateFile: "s.json",
      logRequests: false,
      help: false,
    });
  });

  it("reads --log-requests as a flag without a value", () => {
    expect(parseArgs(["--log-requests", "--port", "1"])).toMatchObject({
      logRequests: true,
      port: 1,
    });
  });

  it("reads --profile by name", () => {
    expect(parseArgs(["--profile", "strictest"])).toMatchObject({ profile: "strictest" });
  });

  it.each([
    ["10", { requestsPerSecond: 10, burst: 10 }],
    ["2.5", { requestsPerSecond: 2.5, burst: 3 }],
    ["10/40", { requestsPerSecond: 10, burst: 40 }],
  ])("reads --rate-limit %s", (value, rateLimit) => {
    expect(parseArgs(["--rate-limit", value])).toMatchObject({ rateLimit });
  });

  it.each([
    [["--rate-limit", "fast"], /--rate-limit must be RPS or RPS\/BURST, got fast/],
    [["--rate-limit", "0"], /--rate-limit: Rate limit requestsPerSecond must be a positive/],
    [["--rate-limit", "5/0"], /--rate-limit: Rate limit burst must be a number of at least 1/],
    [["--profile", "lenient"], /Unknown simulator profile "lenient"; known: documented, /],
    [["--port", "http"], /--port must be an integer/],
    [["--port", "70000"], /--port must be an integer/],
    [["--state"], /--state needs a value/],
    [["--verbose"], /Unknown option --verbose/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe("main", () => {
  it("writes one JSON line with url, instanceId and tokens, and serves at that URL", async () => {
    const lines: string[] = [];
    const sim = await main(["--port", "0"], (text) => lines.push(text));
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith("\n")).toBe(true);
    const line = JSON.parse(lines[0]) as StartupLine;
    expect(Object.keys(line)).toEqual(["url", "instanceId", "tokens"]);
    expect(Object.keys(line.tokens)).toEqual(["admin", "readOnly"]);
    const answer = await fetch(`${line.url}/instances/${line.instanceId}/orgs`, {
      headers: { Authorization: `Bearer ${line.tokens.admin}` },
    });
    expect(answer.status).toBe(200);
    await sim?.close();
  });

  it("starts the simulator under the --profile given", async () => {
    const sim = await main(["--profile", "org-answer"], () => undefined);
    expect(sim?.profile).toEqual(PROFILES["org-answer"]);
    await sim?.close();
  });

  it("starts the simulator under the --rate-limit given", async () => {
    const sim = await main(["--rate-limit", "10/20"], () => undefined);
    expect(sim?.rateLimit).toEqual({ requestsPerSecond: 10, burst: 20 });
    await sim?.close();
  });

  it("with --log-requests, writes one line per request: method, path with query, status", async () => {
    const logged: string[] = [];
    let startup = "";
    const sim = await main(
      ["--log-requests"],
      (text) => (startup = text),
      (text) => logged.push(text),
    );
    const line = JSON.parse(startup) as StartupLine;
    const orgs = `/instances/${line.instanceId}/orgs`;
    const auth = { Authorization: `Bearer ${line.tokens.admin}` };
    await fetch(`${line.url}${orgs}?page=0`, { headers: auth });
    await fetch(`${line.url}${orgs}/${"0".repeat(24)}`, { method: "DELETE", headers: auth });
    await sim?.close();
    expect(logged).toEqual([`GET ${orgs}?page=0 200\n`, `DELETE ${orgs}/${"0".repeat(24)} 404\n`]);
  });

  it("without --log-requests, writes nothing per request", async () => {
    const logged: string[] = [];
    let startup = "";
    const sim = await main(
      [],
      (text) => (startup = text),
      (text) => logged.push(text),
    );
    const line = JSON.parse(startup) as StartupLine;
    await fetch(`${line.url}/instances/${line.instanceId}/orgs`, {
      headers: { Authorization: `Bearer ${line.tokens.admin}` },
    });
    await sim?.close();
    expect(logged).toEqual([]);
  });

  it("prints the usage for --help and starts nothing", async () => {
    const lines: string[] = [];
    expect(await main(["--help"], (text) => lines.push(text))).toBeUndefined();
    expect(lines).toEqual([USAGE]);
  });
});

describe("the compiled command", () => {
  const root = resolve(__dirname, "../..");
  let outDir: string;

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), "losant-sim-cli-"));
    // Compiled fresh from the sources with the build's compiler options, so the test never
    // runs a stale dist/.
    const tsconfig = join(outDir, "tsconfig.json");
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: join(root, "tsconfig.build.json"),
        compilerOptions: {
          outDir,
          rootDir: root,
          typeRoots: [join(root, "node_modules/@types")],
          declaration: false,
          declarationMap: false,
          sourceMap: false,
          inlineSources: false,
        },
        files: [join(root, "simulator/cli.ts")],
        include: [],
      }),
    );
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", tsconfig], {
      cwd: root,
      stdio: "pipe",
    });
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it.each(["SIGTERM", "SIGINT"] as const)(
    "runs as an executable, prints one line and exits 0 on %s",
    async (signal) => {
      const cli = join(outDir, "simulator/cli.js");
      chmodSync(cli, 0o755);
      const child = spawn(cli, ["--port", "0"], {
        env: { ...process.env, NODE_PATH: join(root, "node_modules") },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      child.stdout.setEncoding("utf8");
      const firstLine = new Promise<string>((resolveLine, reject) => {
        child.stdout.on("data", (chunk: string) => {
          stdout += chunk;
          if (stdout.includes("\n")) resolveLine(stdout.split("\n")[0]);
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code} before printing`)));
      });
      const exited = new Promise<number | null>((resolveExit) => child.once("exit", resolveExit));

      const line = JSON.parse(await firstLine) as StartupLine;
      const answer = await fetch(`${line.url}/instances/${line.instanceId}/orgs`, {
        headers: { Authorization: `Bearer ${line.tokens.readOnly}` },
      });
      expect(answer.status).toBe(200);
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(stdout.trimEnd().split("\n")).toHaveLength(1);
    },
  );
});
