/** The package's version: the plugin reports it and the schema carries it. */
import fs from "node:fs";
import path from "node:path";

let cached: string | undefined;

/**
 * The version in this package's `package.json`, found by walking up from this module (one level
 * from the sources, two from `dist/`).
 *
 * @throws Error when no `pulumi-losant` package.json is above this module
 */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!fs.existsSync(file)) continue;
    const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as {
      name?: string;
      version?: string;
    };
    if (manifest.name === "pulumi-losant" && manifest.version !== undefined) {
      cached = manifest.version;
      return cached;
    }
  }
  throw new Error(`No pulumi-losant package.json above ${__dirname}`);
}
