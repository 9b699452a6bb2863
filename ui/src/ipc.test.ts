import { describe, expect, it } from "vitest";
import { AppError, call } from "./ipc";

describe("call", () => {
  it("returns the data of an ok result", async () => {
    await expect(call(Promise.resolve({ status: "ok" as const, data: 42 }))).resolves.toBe(42);
  });

  it("throws the backend's error with its kind", async () => {
    const pending = Promise.resolve({ status: "error" as const, error: { kind: "conflict" as const, message: "changed on disk" } });
    const err = await call(pending).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe("conflict");
    expect((err as AppError).message).toBe("changed on disk");
  });

  it("turns a failed invoke into an internal error", async () => {
    const err = await call(Promise.reject(new Error("ipc down"))).catch((e: unknown) => e);
    expect((err as AppError).kind).toBe("internal");
    expect((err as AppError).message).toBe("ipc down");
  });
});
