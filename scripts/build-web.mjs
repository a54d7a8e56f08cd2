// The offline web page: src/web/page.ts bundled for browsers with the same
// engine, rules, lexicons and presets as the CLI, inlined with its styles into
// one HTML file that works opened from disk (file://) with no network.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The page must stay small enough to e-mail to every township. */
export const PAGE_LIMIT = 2 * 1024 * 1024;

/**
 * Builds `<out>/web/lawreport-lint.html` from the sources under `root`, with
 * `builtins` (what dist/builtin.json holds) compiled in. Returns its size.
 */
export async function buildWebPage(root, out, builtins) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/web/page.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome109', 'edge109', 'firefox115'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
    // import.meta.url is read only by Node's side of the seams, which the page never calls
    logOverride: { 'empty-import-meta': 'silent' },
    define: { LAWREPORT_BUILTINS: JSON.stringify(builtins) },
    plugins: [nodeBuiltinsUnused],
  });
  const js = result.outputFiles[0].text;
  const reached = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
  if (reached.length) {
    const importers = Object.entries(result.metafile.inputs)
      .filter(([, i]) => i.imports.some((d) => reached.includes(d.path)))
      .map(([file]) => file);
    throw new Error(`the web page's bundle uses ${reached.join(', ')} (imported by ${importers.join(', ')}): `
      + 'what the page calls must reach the platform through a seam (src/config/host.ts), not Node built-ins');
  }
  const html = readFileSync(join(root, 'src', 'web', 'page.html'), 'utf8')
    .replace('/*STYLE*/', () => readFileSync(join(root, 'src', 'web', 'page.css'), 'utf8'))
    .replace('/*SCRIPT*/', () => inlineScript(js));
  mkdirSync(join(out, 'web'), { recursive: true });
  writeFileSync(join(out, 'web', 'lawreport-lint.html'), html);
  const size = Buffer.byteLength(html);
  if (size > PAGE_LIMIT) throw new Error(`the web page is ${size} bytes, over its ${PAGE_LIMIT}-byte limit`);
  return size;
}

/**
 * Node built-ins are left out of the bundle and marked free of side effects, so an
 * import whose every use the page never calls (the CLI's defaults beside a
 * seam) disappears; one the page does use stays, and the check above fails.
 */
const nodeBuiltinsUnused = {
  name: 'node-builtins-unused',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (a) => ({ path: a.path, external: true, sideEffects: false }));
  },
};

/**
 * Script text safe inside <script>…</script>: “</script” and “<!--” occur only in
 * string and regex literals of the bundle (the Markdown parser's, the directives'),
 * where \x3C means the same “<”.
 */
function inlineScript(js) {
  if (/\\(?:<\/script|<!--)/i.test(js)) throw new Error('the web page bundle escapes a “<” before script or comment markup; inline it another way');
  return js.replace(/<(\/script|!--)/gi, '\\x3C$1');
}
