/** An element with attributes and children; text is always set as text, never parsed as HTML (drafts are not trusted). */
export function h(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/** The page's element with this selector (the page is ours: it is there). */
export function $(selector: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`页面缺少 ${selector}`);
  return el;
}
