// `npm run test:quick`: the inner loop. The unit and simulator tests, and the integration
// tests under the default simulator profile; no engine or plain-CLI suite (tests/e2e) and no
// example project. `npm test` runs everything.
const full = require("./jest.config.js");

const QUICK_PROJECTS = new Set(["once", "integration:documented"]);

/** @type {import('jest').Config} */
module.exports = {
  ...full,
  projects: full.projects
    .filter((project) => QUICK_PROJECTS.has(project.displayName))
    .map((project) =>
      project.displayName === "once"
        ? {
            ...project,
            testPathIgnorePatterns: [
              ...project.testPathIgnorePatterns,
              "<rootDir>/tests/e2e/",
              "<rootDir>/examples/",
            ],
          }
        : project,
    ),
};
