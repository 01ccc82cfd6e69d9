/**
 * Runs a TypeScript module written by `pulumi-losant import` with an `InstanceOrg` that records
 * its arguments instead of declaring a resource: what a program importing the module would
 * declare, without the engine.
 */
import ts from "typescript";

/** One `new InstanceOrg(name, args)` the module ran. */
export type Declared = [name: string, args: Record<string, unknown>];

/** One `new InstanceOrgMember(name, args, opts)` the module ran; `deletedWith` as its org's name. */
export type DeclaredMember = [name: string, args: Record<string, unknown>, deletedWith?: string];

/**
 * @param source - the module's text
 * @returns the org declarations, in order
 * @throws Error when the module requires anything but `pulumi-losant`
 */
export function declaredBy(source: string): Declared[] {
  return run(source).orgs;
}

/**
 * @param source - the module's text
 * @returns the member declarations, in order, each with the name of the org it is deleted with
 * @throws Error when the module requires anything but `pulumi-losant`
 */
export function membersDeclaredBy(source: string): DeclaredMember[] {
  return run(source).members;
}

function run(source: string): { orgs: Declared[]; members: DeclaredMember[] } {
  const orgs: Declared[] = [];
  const members: DeclaredMember[] = [];
  class InstanceOrg {
    constructor(
      readonly name: string,
      args: Record<string, unknown>,
    ) {
      orgs.push([name, args]);
    }
  }
  class InstanceOrgMember {
    constructor(name: string, args: Record<string, unknown>, opts?: { deletedWith?: InstanceOrg }) {
      members.push([name, args, opts?.deletedWith?.name]);
    }
  }
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, strict: true },
  }).outputText;
  const requireStub = (name: string) => {
    if (name !== "pulumi-losant") throw new Error(`unexpected require ${name}`);
    return { InstanceOrg, InstanceOrgMember };
  };
  new Function("exports", "require", js)({}, requireStub);
  return { orgs, members };
}
