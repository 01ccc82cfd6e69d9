// Which limits an import declares: a value more than half of the instance's orgs hold is taken
// for the instance's default and left out (unmanaged), so imported declarations stay short.
import { limitsBeyond, sharedLimits } from "../../../../cli/import/limits";
import type { InstanceOrg } from "../../../../provider/losant";

const org = (limits: Record<string, number>) => ({ limits }) as unknown as InstanceOrg;

describe("sharedLimits", () => {
  it("takes a value most orgs hold for the default, and none where no value has a majority", () => {
    const orgs = [
      org({ device: 100, member: 5 }),
      org({ device: 100, member: 6 }),
      org({ device: 500, member: 7 }),
    ];
    expect(sharedLimits(orgs)).toEqual({ device: 100 });
  });

  it("counts half exactly as no majority", () => {
    expect(sharedLimits([org({ device: 1 }), org({ device: 2 })])).toEqual({});
  });

  it("takes every value of a lone org for the default", () => {
    expect(sharedLimits([org({ device: 1, member: 2 })])).toEqual({ device: 1, member: 2 });
  });
});

describe("limitsBeyond", () => {
  it("keeps only the values that differ from the shared ones", () => {
    expect(limitsBeyond({ device: 500, member: 5 }, { device: 100, member: 5 })).toEqual({
      device: 500,
    });
  });

  it("is undefined when every value is the shared one", () => {
    expect(limitsBeyond({ device: 100 }, { device: 100 })).toBeUndefined();
  });
});
