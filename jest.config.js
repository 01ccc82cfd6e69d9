// The unit, simulator, engine and example tests run once; the integration tests
// (tests/integration/**) run once per named simulator profile (simulator/profiles.json), so
// the provider is proven under every answer the Losant documentation leaves open. A suite
// whose behaviour cannot depend on those answers says so with `@profile-independent: <why>`
// and runs under the default profile only.
const fs = require("node:fs");
const path = require("node:path");

const profiles = Object.keys(require("./simulator/profiles.json"));
const DEFAULT_PROFILE = "documented";
const INTEGRATION = path.join(__dirname, "tests/integration");

/** The integration suites marked `@profile-independent`, as path patterns. */
const profileIndependent = fs
  .readdirSync(INTEGRATION, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".test.ts"))
  .filter((file) =>
    /^\/\/ @profile-independent: /m.test(fs.readFileSync(path.join(INTEGRATION, file), "utf8")),
  )
  .map((file) => `<rootDir>/tests/integration/${file.replace(/[.+?^${}()|[\]\\]/g, "\\$&")}$`);

/** Settings every project shares. */
const base = {
  preset: "ts-jest",
  testEnvironment: "node",
  testMatch: ["**/*.test.ts"],
  modulePathIgnorePatterns: ["<rootDir>/dist/"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
  },
  // The examples import the package by name; in this repository it is the source tree.
  moduleNameMapper: { "^pulumi-losant$": "<rootDir>/sdk" },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  // Engine and plain-CLI suites spend much of their time waiting on child processes and
  // retries, so two suites at once pay off even on two cores (jest's default there is one).
  maxWorkers: Math.max(2, require("node:os").availableParallelism() - 1),
  reporters: ["default", "<rootDir>/tests/summaryReporter.js"],
  testSequencer: "<rootDir>/tests/sequencer.js",
  // A folder for the run's install seeds, which several suites' npm installs start from.
  globalSetup: "<rootDir>/tests/globalSetup.js",
  globalTeardown: "<rootDir>/tests/globalTeardown.js",
  projects: [
    {
      ...base,
      displayName: "once",
      roots: ["<rootDir>/tests", "<rootDir>/examples"],
      testPathIgnorePatterns: ["/node_modules/", "/dist/", "<rootDir>/tests/integration/"],
    },
    ...profiles.map((profile) => ({
      ...base,
      displayName: `integration:${profile}`,
      roots: ["<rootDir>/tests/integration"],
      testPathIgnorePatterns: [
        "/node_modules/",
        "/dist/",
        ...(profile === DEFAULT_PROFILE ? [] : profileIndependent),
      ],
      setupFiles: ["<rootDir>/tests/helpers/simulatorProfileEnv.ts"],
      globals: { LOSANT_SIM_PROFILE: profile },
    })),
  ],
};
