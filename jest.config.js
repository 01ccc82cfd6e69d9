/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/tests", "<rootDir>/examples"],
  testMatch: ["**/*.test.ts"],
  modulePathIgnorePatterns: ["<rootDir>/dist/"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
  },
  // The examples import the package by name; in this repository it is the source tree.
  moduleNameMapper: { "^pulumi-losant$": "<rootDir>/sdk" },
  testTimeout: 30000,
  reporters: ["default", "<rootDir>/tests/summaryReporter.js"],
};
