// The unit, simulator, engine and example tests run once; the integration tests
// (tests/integration/**) run once per named simulator profile (simulator/profiles.json), so
// the provider is proven under every answer the Losant documentation leaves open.
const profiles = Object.keys(require("./simulator/profiles.json"));

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
  reporters: ["default", "<rootDir>/tests/summaryReporter.js"],
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
      testPathIgnorePatterns: ["/node_modules/", "/dist/"],
      setupFiles: ["<rootDir>/tests/helpers/simulatorProfileEnv.ts"],
      globals: { LOSANT_SIM_PROFILE: profile },
    })),
  ],
};
