// Guards where the provider's warnings go: outside Pulumi's dynamic provider host (a test, a
// script) there is no engine to tell, and a warning must still reach the user, never fail the
// step it describes.
import { setWarningSink, warnUser } from "../../../provider/engineLog";

afterEach(() => {
  setWarningSink(undefined);
  jest.restoreAllMocks();
});

it("writes the warning to stderr outside the dynamic provider host", async () => {
  const write = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  await warnUser("limits.device: declared 1, stored 2");
  expect(write).toHaveBeenCalledWith("warning: limits.device: declared 1, stored 2\n");
});

it("falls back to stderr when its sink fails, without throwing", async () => {
  const write = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  setWarningSink(() => Promise.reject(new Error("engine gone")));
  await expect(warnUser("kept")).resolves.toBeUndefined();
  expect(write).toHaveBeenCalledWith("warning: kept\n");
});
