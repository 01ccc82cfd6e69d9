// Guards LOSANT_API_TIMEOUT_MS: the provider's per-request timeout can be set for a slow
// instance (and for engine tests that need "slower than the timeout" to take a second), and a
// value that is not a positive integer is refused with the variable's name, not ignored.
import { resolveRetryDeadline, resolveTimeout } from "../../../provider/losant/config";
import { LosantConfigError } from "../../../provider/losant/errors";

describe("resolveTimeout", () => {
  it("reads LOSANT_API_TIMEOUT_MS as milliseconds", () => {
    expect(resolveTimeout({ LOSANT_API_TIMEOUT_MS: "1500" })).toBe(1500);
  });

  it("leaves the client's default when the variable is absent or blank", () => {
    expect(resolveTimeout({})).toBeUndefined();
    expect(resolveTimeout({ LOSANT_API_TIMEOUT_MS: " " })).toBeUndefined();
  });

  it.each(["0", "-5", "1.5", "soon"])("refuses %p, naming the variable", (value) => {
    const read = (): unknown => resolveTimeout({ LOSANT_API_TIMEOUT_MS: value });
    expect(read).toThrow(LosantConfigError);
    expect(read).toThrow(`LOSANT_API_TIMEOUT_MS must be a positive number of milliseconds`);
  });
});

describe("resolveRetryDeadline", () => {
  it("reads LOSANT_API_RETRY_DEADLINE_MS as milliseconds", () => {
    expect(resolveRetryDeadline({ LOSANT_API_RETRY_DEADLINE_MS: "5000" })).toBe(5000);
  });

  it("leaves the client's default when the variable is absent", () => {
    expect(resolveRetryDeadline({})).toBeUndefined();
  });

  it("refuses a value that is not a positive integer, naming the variable", () => {
    expect(() => resolveRetryDeadline({ LOSANT_API_RETRY_DEADLINE_MS: "1m" })).toThrow(
      'LOSANT_API_RETRY_DEADLINE_MS must be a positive number of milliseconds, not "1m"',
    );
  });
});
