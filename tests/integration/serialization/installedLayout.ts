/**
 * A program folder in which `pulumi-losant` sits under `node_modules` the way npm installs it
 * (a copy of the package's `package.json` and built `dist/`, not a link), its dependencies
 * beside it. Pulumi's serializer captures modules under `node_modules` by reference and local
 * ones by value, so only this layout shows what the state of an installed package holds.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const PACKAGE = "pulumi-losant";

/**
 * Creates the folder (`npm run build` first).
 *
 * @returns its path; the caller removes it
 */
export function installedLayout(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-losant-installed-"));
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(path.join(ROOT, "node_modules"))) {
    if (entry === PACKAGE || entry.startsWith(".")) continue;
    fs.symlinkSync(path.join(ROOT, "node_modules", entry), path.join(modules, entry));
  }
  const installed = path.join(modules, PACKAGE);
  fs.mkdirSync(installed);
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(installed, "package.json"));
  fs.cpSync(path.join(ROOT, "dist"), path.join(installed, "dist"), { recursive: true });
  return dir;
}
