// Guards "one place for each fact": these files are generated from the official schemas, and a
// schema change without regenerating them must not go unnoticed.
import { execFileSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

it.each([
  ["provider/losant/types.generated.ts", "scripts/generate-types.js"],
  ["simulator/validators.generated.ts", "scripts/generate-validators.js"],
])("%s matches what schemas/ generates (%s)", (_file, script) => {
  expect(() =>
    execFileSync(process.execPath, [script, "--check"], { cwd: ROOT, stdio: "pipe" }),
  ).not.toThrow();
});
