import "./styles.css";
import { App } from "./app";
import { interceptLinks } from "./links";
import { lintPhases } from "./lint";
import { milestones } from "./milestones";

interceptLinks(document);
const root = document.getElementById("app");
if (root) {
  const app = new App(root);
  // Read-only probes for the end-to-end tests and the typing benchmark:
  // the editor's exact text (CodeMirror renders only visible lines) and the
  // keystroke-to-painted lint timings and the start-up milestones.
  Object.defineProperty(window, "dateline", {
    value: Object.freeze({ editorText: () => app.editorText(), lintPhases: () => [...lintPhases], milestones }),
  });
  void app.start();
}
