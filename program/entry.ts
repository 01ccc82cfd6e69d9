/**
 * The module Pulumi runs for the default program: `main:` in Pulumi.yaml names its compiled
 * form, and `npm start` runs the same module inline.
 *
 * Pulumi's Node runtime calls a program module's export only when that export is itself a
 * function; an object (even one holding `main` and `default` functions) is taken as the stack
 * outputs as it is, so no org would be declared. Hence the function is the whole export.
 */
import { main } from "./index";

export = main;
