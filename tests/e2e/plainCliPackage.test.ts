// Guards what `npm install ./pulumi-losant-<version>.tgz` gives a user (the plain-CLI suite
// installs exactly that): the compiled SDK, provider and simulator, the schemas, README and
// LICENSE; no tests, no default program, no TypeScript sources, and no source map that needs
// a file the package does not ship; and an install that runs none of the package's scripts,
// so npm 11 has nothing to warn about. Needs `npm run build` first, as `npm test` does.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** The package's file list as `npm pack --dry-run --json` reports it. */
function packedFiles(): string[] {
  // --ignore-scripts: `prepack` would rebuild dist/ under other tests' feet.
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map(
    (file) => file.path,
  );
}

describe("the npm package's file list", () => {
  const files = packedFiles();

  it("holds the package's entry points, the stable provider path and the simulator's bin", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const named: string[] = [
      manifest.main,
      manifest.types,
      manifest.exports["."].default,
      manifest.exports["./simulator"].default,
      manifest.exports["./simulator"].types,
      manifest.bin["losant-sim"],
      // Stored in every state as require("pulumi-losant/dist/provider/..."): must stay.
      "dist/provider/instanceOrgProvider.js",
    ];
    expect(files).toEqual(
      expect.arrayContaining(["package.json", ...named.map((file) => path.posix.normalize(file))]),
    );
  });

  it("holds the compiled SDK, provider and simulator", () => {
    for (const part of ["sdk", "provider", "simulator"]) {
      expect(files.filter((file) => file.startsWith(`dist/${part}/`)).length).toBeGreaterThan(0);
    }
  });

  it("holds every official schema, README and LICENSE", () => {
    const schemas = fs.readdirSync(path.join(ROOT, "schemas")).map((file) => `schemas/${file}`);
    expect(files).toEqual(expect.arrayContaining([...schemas, "README.md", "LICENSE"]));
  });

  it("holds no tests, examples, default program, scripts or TypeScript sources", () => {
    const unwanted = files.filter(
      (file) =>
        /(^|\/)(tests?|examples|program|scripts)\//.test(file) ||
        /\.test\.|\.tsbuildinfo$/.test(file) ||
        (file.endsWith(".ts") && !file.endsWith(".d.ts")),
    );
    expect(unwanted).toEqual([]);
  });

  it("ships a source map for each map comment, and each map carries the sources it names", () => {
    const problems: string[] = [];
    for (const file of files.filter((f) => f.endsWith(".js"))) {
      const match = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(
        fs.readFileSync(path.join(ROOT, file), "utf8"),
      );
      if (!match) continue;
      const map = path.posix.join(path.posix.dirname(file), match[1]);
      if (!files.includes(map)) problems.push(`${file} names ${map}, not shipped`);
    }
    for (const map of files.filter((f) => f.endsWith(".map"))) {
      const { sources, sourcesContent } = JSON.parse(
        fs.readFileSync(path.join(ROOT, map), "utf8"),
      ) as { sources: string[]; sourcesContent?: Array<string | null> };
      sources.forEach((source, i) => {
        const shipped = files.includes(path.posix.join(path.posix.dirname(map), source));
        if (!shipped && typeof sourcesContent?.[i] !== "string") {
          problems.push(`${map} points at ${source}, neither shipped nor inlined`);
        }
      });
    }
    expect(problems).toEqual([]);
  });
});

describe("installing the package from its tarball", () => {
  it("runs no lifecycle script of the package, so npm warns of none", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-losant-install-"));
    try {
      const packed = execFileSync(
        "npm",
        ["pack", ROOT, "--ignore-scripts", "--json", "--pack-destination", dir],
        { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
      const tarball = (JSON.parse(packed) as Array<{ filename: string }>)[0].filename;
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true }));
      // 2>&1: npm writes its warnings to stderr, which execFileSync would otherwise drop.
      const output = execFileSync(
        "sh",
        [
          "-c",
          `npm install --no-audit --no-fund --prefer-offline --legacy-peer-deps ./${tarball} 2>&1`,
        ],
        { cwd: dir, encoding: "utf8" },
      );
      expect(output).not.toMatch(/install-scripts|prepare|postinstall/);
      expect(fs.existsSync(path.join(dir, "node_modules/pulumi-losant/dist/sdk/index.js"))).toBe(
        true,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
