// What every flow of the window shares: the session's state, the window's
// parts, and the other flows' entry points. Flows reach one another only
// through `flows`, or import the layers beneath them (document.ts, then
// folders.ts and save.ts), so the imports have no cycle.
import type { EditorHandle } from "../editor";
import type { Inspector } from "../inspector";
import type { Notices } from "../notices";
import type { Preview } from "../preview";
import type { ReviewPane } from "../review";
import type { Flows, Session } from "../session";
import type { View } from "../view";

export interface AppContext {
  readonly session: Session;
  readonly editor: EditorHandle;
  readonly notices: Notices;
  readonly inspector: Inspector;
  readonly preview: Preview;
  readonly review: ReviewPane;
  readonly view: View;
  readonly flows: Flows;
  /** Shows a failure as an error notice. */
  report(err: unknown): void;
}
