import { describe, expect, it } from "vitest";
import { defaultPaper } from "./export";

describe("defaultPaper", () => {
  it("is Letter where Letter is the norm and A4 elsewhere", () => {
    expect(defaultPaper("en-US")).toBe("letter");
    expect(defaultPaper("fr-CA")).toBe("letter");
    expect(defaultPaper("en-GB")).toBe("a4");
    expect(defaultPaper("de")).toBe("a4");
  });
});
