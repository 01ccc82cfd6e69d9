/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  // Pulumi serializes the dynamic provider when a resource is declared: allow it some time.
  testTimeout: 30000,
};
