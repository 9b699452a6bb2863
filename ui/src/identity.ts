// Who writes to the review logs from this app: asked once, the first time
// she comments, suggests, accepts or rejects, and kept in the settings.
import { commands, type ReviewerIdentity } from "./bindings";
import { askText } from "./dialog";
import { call } from "./ipc";

/** Asks for her name and email and keeps them; null when she cancels. */
export async function askReviewerIdentity(current: ReviewerIdentity | null): Promise<ReviewerIdentity | null> {
  const name = await askText("Your name", "Shown on your comments and verdicts", current?.name ?? "", "reviewer-name", "Next");
  if (name === null) return null;
  const email = await askText("Your email", "So colleagues can reach you", current?.email ?? "", "reviewer-email", "Save");
  if (email === null) return null;
  return call(commands.setReviewer(name, email));
}
