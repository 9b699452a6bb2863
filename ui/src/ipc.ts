// Unwraps the generated bindings' Result values into exceptions that keep
// the backend's error kind, so callers can branch on it.
import type { AppError as BackendError, Result } from "./bindings";

export type ErrorKind = BackendError["kind"];

export class AppError extends Error {
  readonly kind: ErrorKind | "internal";

  constructor(kind: ErrorKind | "internal", message: string) {
    super(message);
    this.kind = kind;
  }

  static from(err: unknown): AppError {
    if (err instanceof AppError) return err;
    if (isBackendError(err)) return new AppError(err.kind, err.message);
    return new AppError("internal", err instanceof Error ? err.message : String(err));
  }
}

function isBackendError(err: unknown): err is BackendError {
  return typeof err === "object" && err !== null && "kind" in err && "message" in err;
}

export async function call<T>(pending: Promise<Result<T, BackendError>>): Promise<T> {
  let result: Result<T, BackendError>;
  try {
    result = await pending;
  } catch (err) {
    throw AppError.from(err);
  }
  if (result.status === "error") throw AppError.from(result.error);
  return result.data;
}
