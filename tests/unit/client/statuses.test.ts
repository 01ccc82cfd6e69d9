// Guards the one classification of statuses: the errors' `outcomeUnknown` and the retry policy
// must agree on which answers leave nothing applied, or a create would either look up what
// cannot exist or send again what may exist.
import { isRetryable } from "../../../provider/losant/retry";
import { isTransientStatus, leftNothingApplied } from "../../../provider/losant/statuses";

const clientErrors = [400, 401, 403, 404, 409, 413, 429];
const serverErrors = [500, 501, 502, 503, 504];

describe("leftNothingApplied", () => {
  it.each(clientErrors)("is true for %i: the server refused before changing anything", (s) => {
    expect(leftNothingApplied(s)).toBe(true);
  });

  it.each(serverErrors)("is false for %i: a gateway or the server may have applied it", (s) => {
    expect(leftNothingApplied(s)).toBe(false);
  });
});

describe("isRetryable for a POST", () => {
  it.each([...clientErrors, ...serverErrors])(
    "after %i is exactly 'transient and nothing applied'",
    (status) => {
      const expected = isTransientStatus(status) && leftNothingApplied(status);
      expect(isRetryable("POST", { status })).toBe(expected);
    },
  );

  it("is true only after 429 among the statuses above", () => {
    const retried = [...clientErrors, ...serverErrors].filter((status) =>
      isRetryable("POST", { status }),
    );
    expect(retried).toEqual([429]);
  });

  it("is false after a network error", () => {
    expect(isRetryable("POST", { networkError: true })).toBe(false);
  });
});
