import { describe, expect, it, vi } from "vitest";
import { Announcer, describeChange } from "./announce";

describe("describeChange", () => {
  it("names new problems and counts fixed ones", () => {
    expect(describeChange(["jargon"], ["jargon", "jargon", "long-sentence"])).toBe("2 new problems: jargon, long sentence.");
    expect(describeChange(["jargon", "weasel-word"], ["jargon"])).toBe("1 problem fixed.");
    expect(describeChange(["jargon"], ["weasel-word"])).toBe("1 new problem: weasel word; 1 problem fixed.");
    expect(describeChange(["jargon", "passive"], ["passive", "jargon"])).toBeNull();
  });
});

describe("Announcer", () => {
  it("speaks once typing pauses, about the change since it last spoke", () => {
    vi.useFakeTimers();
    const a = new Announcer();
    a.reset(["jargon"]);
    a.report(["jargon", "long-sentence"]);
    a.report(["jargon", "long-sentence", "hedge"]);
    expect(a.el.textContent).toBe("");
    vi.advanceTimersByTime(1300);
    expect(a.el.textContent).toBe("2 new problems: long sentence, hedge.");
    const first = a.el.firstElementChild;
    a.report(["jargon"]);
    vi.advanceTimersByTime(1300);
    // A new element each time: a screen reader hears an addition to the log.
    expect(a.el.children).toHaveLength(1);
    expect(a.el.firstElementChild).not.toBe(first);
    expect(a.el.textContent).toBe("2 problems fixed.");
    a.report(["jargon", "long-sentence", "hedge"]);
    vi.advanceTimersByTime(1300);
    a.report(["jargon", "long-sentence", "hedge"]);
    vi.advanceTimersByTime(1300);
    expect(a.el.textContent).toBe("2 new problems: long sentence, hedge.");
    a.reset(["x"]);
    expect(a.el.textContent).toBe("");
    vi.useRealTimers();
  });
});
