import { describe, expect, it } from "vitest";
import { defaultPaper, exportedMessage, exportFormat, wrapColumns } from "./export";

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

describe("exportedMessage", () => {
  it("says where the export went and which file of hers it kept", () => {
    const outcome = { path: "/d/launch (2).pdf", pages: null, kept: "launch.pdf" };
    expect(exportedMessage(outcome)).toBe("Exported to /d/launch (2).pdf. “launch.pdf” was not written by Dateline, so it was kept.");
    expect(exportedMessage({ ...outcome, kept: null })).toBe("Exported to /d/launch (2).pdf.");
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
