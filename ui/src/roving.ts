// Arrow keys move between a list's items (the drafts list, the problems
// list), so the keyboard walks a long list without tabbing through every
// button on every row. Tab still leaves the list as usual.

const KEYS: Record<string, (i: number, n: number) => number> = {
  ArrowDown: (i, n) => Math.min(i + 1, n - 1),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_, n) => n - 1,
};

/** Arrow Up/Down, Home and End move focus among `container`'s elements matching `selector`. */
export function arrowNavigation(container: HTMLElement, selector: string): void {
  container.addEventListener("keydown", (event) => {
    const move = KEYS[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const items = [...container.querySelectorAll<HTMLElement>(selector)];
    const at = items.findIndex((item) => item === document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    items[move(at, items.length)].focus();
  });
}
