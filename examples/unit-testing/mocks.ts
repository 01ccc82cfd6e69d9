/**
 * Test helpers: Pulumi mocks that record every resource the program declares, and a way to
 * read an Output's value.
 */
import * as pulumi from "@pulumi/pulumi";

/** The Pulumi project name, as in Pulumi.yaml: `new pulumi.Config()` reads its namespace. */
export const PROJECT = "losant-unit-testing";

/**
 * Replaces the Pulumi engine with mocks for this test file. A declared resource is recorded
 * and "created" with a fake ID; its outputs echo its inputs, the way the Losant API echoes
 * what it was sent. The InstanceOrg provider does not run, and nothing reaches Losant.
 *
 * @returns the resources declared so far; `beforeEach` empties the list and the stack config
 */
export function recordResources(): pulumi.runtime.MockResourceArgs[] {
  const declared: pulumi.runtime.MockResourceArgs[] = [];
  beforeAll(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          declared.push(args);
          return { id: `${args.name}-id`, state: args.inputs };
        },
        call: (args) => {
          throw new Error(`unexpected call of ${args.token}`);
        },
      },
      PROJECT,
      "test",
    );
  });
  beforeEach(() => {
    declared.length = 0;
    pulumi.runtime.setAllConfig({});
  });
  return declared;
}

/** The value of an Output once the (mocked) engine has resolved it. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** Sets the stack config of the next program run, keys without the project prefix. */
export function setStackConfig(values: Record<string, string>): void {
  pulumi.runtime.setAllConfig(
    Object.fromEntries(Object.entries(values).map(([key, value]) => [`${PROJECT}:${key}`, value])),
  );
}
