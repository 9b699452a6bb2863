// Links never load inside the app window: a click on a web or mail link
// asks first, then hands the link to the system browser through the backend.
import { commands } from "./bindings";
import { ask } from "./dialog";
import { h } from "./dom";
import { call } from "./ipc";

/** The links that may leave the app: web pages and mail addresses. */
export function externalHref(anchor: HTMLAnchorElement): string | null {
  const raw = anchor.getAttribute("href");
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:" ? url.href : null;
  } catch {
    return null;
  }
}

export function interceptLinks(doc: Document): void {
  doc.addEventListener(
    "click",
    (event) => {
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      const href = externalHref(anchor);
      if (href) void confirmAndOpen(href);
    },
    true,
  );
}

async function confirmAndOpen(href: string): Promise<void> {
  const choice = await ask({
    title: "Open this link in your browser?",
    body: [h("code", { class: "link-preview" }, href)],
    choices: [
      { value: "cancel", label: "Cancel", testid: "link-cancel" },
      { value: "open", label: "Open in browser", testid: "link-open", primary: true },
    ],
    cancel: "cancel",
    testid: "link-dialog",
  });
  if (choice === "open") await call(commands.openLink(href)).catch(() => undefined);
}
