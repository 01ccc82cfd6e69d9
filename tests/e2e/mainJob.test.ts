// Guards the main job, `npm start`: on the real engine against the embedded simulator it
// creates the demo orgs and prints the usage summary, a second run changes nothing, and the
// token it hands the engine never shows in what it prints.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runNode, type ProcessResult } from "../helpers/process";
import { ENGINE_TIMEOUT, describeEngine } from "./engine";

const ROOT = path.resolve(__dirname, "../..");

describeEngine("npm start (the default program on the engine)", () => {
  let stateDir: string;

  beforeAll(() => {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "losant-main-job-"));
  });

  afterAll(() => {
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  function start(...args: string[]): Promise<ProcessResult> {
    return runNode(["scripts/start.js", ...args], {
      cwd: ROOT,
      env: { LOSANT_DEMO_STATE_DIR: stateDir },
    });
  }

  function adminToken(): string {
    const state = JSON.parse(fs.readFileSync(path.join(stateDir, "simulator.json"), "utf8"));
    return state.seed.tokens.admin;
  }

  it(
    "creates the demo orgs and prints the usage summary",
    async () => {
      const { stdout } = await start();
      expect(stdout).toContain("+ 3 created");
      expect(stdout).toMatch(/Acme Manufacturing\s+devices \S+ \d+ \(peak \d+\)/);
      expect(stdout).not.toContain(adminToken());
    },
    ENGINE_TIMEOUT,
  );

  it(
    "changes nothing when run again",
    async () => {
      const { stdout } = await start();
      expect(stdout).toContain("3 unchanged");
      // The resource summary only: "created" also names a usage number in the outputs.
      expect(stdout).not.toMatch(/^\s+[+~-]\s+\d+ (created|updated|deleted|replaced)$/m);
    },
    ENGINE_TIMEOUT,
  );

  it(
    "deletes the demo orgs with --destroy",
    async () => {
      const { stdout } = await start("--destroy");
      expect(stdout).toContain("- 3 deleted");
      const state = JSON.parse(fs.readFileSync(path.join(stateDir, "simulator.json"), "utf8"));
      expect(state.orgs).toEqual([]);
    },
    ENGINE_TIMEOUT,
  );
});
