// Guards the advice a temporary failure carries. After the client's retries give up on a 429,
// a 5xx, a timeout or a dropped connection, the user reads the error in `pulumi up`'s output:
// it must say what to do (run the command again, which is safe), not only what failed.
import { LosantApiError, TEMPORARY_FAILURE_HINT } from "../../../provider/losant/errors";

function failure(status: number | undefined, type: string): LosantApiError {
  return new LosantApiError({
    status,
    type,
    apiMessage: "m",
    action: "instanceOrg.patch",
    method: "PATCH",
    path: "/instances/i/orgs/o",
    attempts: 5,
    outcomeUnknown: true,
  });
}

describe("the message of a temporary failure", () => {
  it.each([
    [429, "TooManyRequests"],
    [500, "InternalError"],
    [503, "ServiceUnavailable"],
    [undefined, "Timeout"],
    [undefined, "NetworkError"],
  ])("tells the user to run the command again after %p %s", (status, type) => {
    expect(failure(status, type).message).toBe(
      `Losant API instanceOrg.patch (PATCH /instances/i/orgs/o) failed: ${status === undefined ? type : `${status} ${type}`}: m (after 5 attempts). ${TEMPORARY_FAILURE_HINT}`,
    );
  });

  it.each([
    [400, "Validation"],
    [404, "NotFound"],
    [undefined, "InvalidResponse"],
  ])("gives no such advice after %p %s, which a rerun would not cure", (status, type) => {
    expect(failure(status, type).message).not.toContain(TEMPORARY_FAILURE_HINT);
  });
});
