/** `pulumi-losant import`: declarations that adopt the existing orgs of an instance. */
export { IMPORT_USAGE, parseImportArgs, type ImportArgs } from "./args";
export { runImport, type ImportIo, type ImportResult } from "./command";
export { runPulumi, type PulumiRunner } from "./connection";
export { DEFAULT_FIELDS, IMPORTABLE_FIELDS } from "./fields";
export { ImportError } from "./errors";
