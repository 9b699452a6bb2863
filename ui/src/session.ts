// The window's state and the flows' entry points: what the layout shows and
// what its buttons start. The bottom of the UI's own modules.
import type { Text } from "@codemirror/state";
import type { ConflictCopy, DraftSummary, FolderInfo, FolderListing, ListQuery, OpenedDraft, RuleDoc } from "./bindings";

export type SaveStatus = "none" | "saved" | "edited" | "saving" | "readonly";

/** The window's state: the folder, the open draft and how it stands against the disk. */
export interface Session {
  recent: FolderInfo[];
  listing: FolderListing | null;
  draft: OpenedDraft | null;
  /** The editor's text as last saved or loaded: what "Edited" is measured against. */
  savedDoc: Text | null;
  status: SaveStatus;
  rules: Map<string, RuleDoc>;
  /** The draft last offered to turn its CriticMarkup into suggestions: asked once a draft. */
  criticOffered: number | null;
}

/** The flows other flows (and the layout's buttons) start. */
export interface Flows {
  chooseFolder(): Promise<void>;
  openRecent(folderId: number): Promise<void>;
  forgetFolder(folderId: number): Promise<void>;
  refresh(quiet?: boolean): Promise<void>;
  relist(query?: ListQuery | null): Promise<void>;
  openDraft(draftId: number): Promise<void>;
  newDraft(): Promise<void>;
  importWord(): Promise<void>;
  renameDraft(): Promise<void>;
  save(): Promise<boolean>;
  saveCopy(draft: OpenedDraft): Promise<void>;
  confirmLeave(): Promise<boolean>;
  chooseMerge(draft: OpenedDraft): Promise<void>;
  mergeCopy(draft: DraftSummary, copy: ConflictCopy): Promise<void>;
  exportDraft(): Promise<void>;
  toggleReview(): Promise<void>;
  togglePreview(): void;
  loadSuggestions(): Promise<void>;
}

/** True while the editor holds text the file does not. */
export function isDirty(session: Session): boolean {
  return session.status === "edited" || session.status === "saving";
}
