/** Fills {{name}} placeholders; an unknown name stays visible rather than vanishing. */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (all, k: string) => (data && k in data ? String(data[k]) : all));
}
