// A tiny element builder. User text only ever becomes text nodes or
// attribute values: nothing here parses HTML, so a draft cannot inject markup.

type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined;
type Attrs = Record<string, AttrValue | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === "function") {
      el.addEventListener(name.replace(/^on/, "").toLowerCase(), value);
    } else if (value === true) {
      el.setAttribute(name, "");
    } else if (value !== false && value !== null && value !== undefined) {
      el.setAttribute(name, String(value));
    }
  }
  el.append(...children.filter(isChild).map((c) => (typeof c === "number" ? String(c) : c)));
  return el;
}

function isChild(child: Child): child is Node | string | number {
  return child !== null && child !== undefined && child !== false;
}

/** Replaces all of `parent`'s children. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter(isChild).map((c) => (typeof c === "number" ? String(c) : c)));
}
