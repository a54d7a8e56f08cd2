const PLACEHOLDER = /(\{\{\s*[\w-]+\s*\}\})/;

/** A template split into literal text around its placeholders, each with its name and how it was written. */
interface Template { text: string[]; names: string[]; written: string[] }

/** Templates split once: a batch fills the same few dozen templates ~100 times per draft. */
const compiled = new Map<string, Template>();

function compile(template: string): Template {
  let t = compiled.get(template);
  if (!t) {
    const parts = template.split(PLACEHOLDER);
    const written = parts.filter((_, i) => i % 2 === 1);
    t = { text: parts.filter((_, i) => i % 2 === 0), written, names: written.map((w) => w.slice(2, -2).trim()) };
    // templates come from rule files, so the cache is bounded by them; guard anyway
    if (compiled.size < 10_000) compiled.set(template, t);
  }
  return t;
}

/**
 * Fills {{name}} placeholders from `data`, then from `fallback` (the report kind's
 * own examples: {{organExample}} …); an unknown name stays visible rather than vanishing.
 */
export function interpolate(
  template: string,
  data: Record<string, string | number> | undefined,
  fallback?: Readonly<Record<string, string>>,
): string {
  if (!template.includes('{{')) return template;
  const { text, names, written } = compile(template);
  let out = text[0];
  for (let i = 0; i < names.length; i++) {
    const k = names[i];
    out += (data && Object.hasOwn(data, k) ? String(data[k]) : fallback && Object.hasOwn(fallback, k) ? fallback[k] : written[i]) + text[i + 1];
  }
  return out;
}
