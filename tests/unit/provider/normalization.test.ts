// Guards the report of values the server stored differently: without it a trimmed name or a
// clamped limit shows as a change on every preview, and CI's --expect-no-changes never passes.
import {
  normalizationWarning,
  storedPairs,
  unexplainedMismatches,
} from "../../../provider/normalization";

const stored = {
  name: "Acme",
  iconColor: "#ffaa00",
  limits: { device: 5000, application: 5 },
};

describe("storedPairs", () => {
  it("is undefined when the server holds every declared value as declared", () => {
    expect(storedPairs({ name: "Acme", limits: { device: 5000 } }, stored)).toBeUndefined();
  });

  it("pairs each declared value with the value the server stored", () => {
    expect(storedPairs({ name: " Acme ", limits: { device: 99999 } }, stored)).toEqual({
      name: { declared: " Acme ", stored: "Acme" },
      "limits.device": { declared: 99999, stored: 5000 },
    });
  });
});

describe("unexplainedMismatches", () => {
  const pairs = { iconColor: { declared: "#FFAA00", stored: "#ffaa00" } };

  it("leaves out a remembered pair while the declaration and the stored value stay the same", () => {
    expect(unexplainedMismatches({ iconColor: "#FFAA00" }, stored, pairs)).toEqual([]);
  });

  it("keeps a remembered property whose declaration changed", () => {
    expect(unexplainedMismatches({ iconColor: "#FFBB00" }, stored, pairs)).toEqual([
      { property: "iconColor", declared: "#FFBB00", stored: "#ffaa00" },
    ]);
  });

  it("keeps a remembered property whose stored value changed since (drift)", () => {
    const drifted = { ...stored, iconColor: "#000000" };
    expect(unexplainedMismatches({ iconColor: "#FFAA00" }, drifted, pairs)).toHaveLength(1);
  });
});

describe("normalizationWarning", () => {
  it("names the org, each property, the declared and the stored value, and what to declare", () => {
    const text = normalizationWarning('"Acme" (6a1b2c3d4e5f6a7b8c9d0e1f)', {
      "limits.device": { declared: 99999, stored: 5000 },
    });
    expect(text).toContain('InstanceOrg "Acme" (6a1b2c3d4e5f6a7b8c9d0e1f)');
    expect(text).toContain(
      "limits.device: declared 99999, stored 5000; declare limits.device: 5000",
    );
  });

  it("says to remove a declared property the server keeps no value for", () => {
    const text = normalizationWarning("o", { referralId: { declared: "r", stored: undefined } });
    expect(text).toContain('referralId: declared "r", stored nothing');
    expect(text).toContain("remove referralId");
  });
});
