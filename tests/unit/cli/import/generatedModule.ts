/**
 * Runs a TypeScript module written by `pulumi-losant import` with an `InstanceOrg` that records
 * its arguments instead of declaring a resource: what a program importing the module would
 * declare, without the engine.
 */
import ts from "typescript";

/** One `new InstanceOrg(name, args)` the module ran. */
export type Declared = [name: string, args: Record<string, unknown>];

/**
 * @param source - the module's text
 * @returns the declarations, in order
 * @throws Error when the module requires anything but `pulumi-losant`
 */
export function declaredBy(source: string): Declared[] {
  const seen: Declared[] = [];
  class InstanceOrg {
    constructor(name: string, args: Record<string, unknown>) {
      seen.push([name, args]);
    }
  }
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, strict: true },
  }).outputText;
  const requireStub = (name: string) => {
    if (name !== "pulumi-losant") throw new Error(`unexpected require ${name}`);
    return { InstanceOrg };
  };
  new Function("exports", "require", js)({}, requireStub);
  return seen;
}
