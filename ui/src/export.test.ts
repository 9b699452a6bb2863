import { describe, expect, it } from "vitest";
import { defaultPaper, exportFormat, wrapColumns } from "./export";

describe("defaultPaper", () => {
  it("is Letter where Letter is the norm and A4 elsewhere", () => {
    expect(defaultPaper("en-US")).toBe("letter");
    expect(defaultPaper("fr-CA")).toBe("letter");
    expect(defaultPaper("en-GB")).toBe("a4");
    expect(defaultPaper("de")).toBe("a4");
  });
});

describe("wrapColumns", () => {
  it("takes a sensible width and ignores anything else", () => {
    expect(wrapColumns("72")).toBe(72);
    expect(wrapColumns("")).toBeNull();
    expect(wrapColumns("5")).toBeNull();
    expect(wrapColumns("500")).toBeNull();
    expect(wrapColumns("abc")).toBeNull();
  });
});

describe("exportFormat", () => {
  it("maps the dialog's choices, PDF for anything else", () => {
    expect(exportFormat("docx")).toBe("docx");
    expect(exportFormat("markdown")).toBe("markdown");
    expect(exportFormat("pdf")).toBe("pdf");
    expect(exportFormat("")).toBe("pdf");
  });
});
