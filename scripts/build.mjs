// Builds dist/ with esbuild (one bundle per entry, shared chunks, lazy chunks for
// Markdown and config parsing), then writes dist/builtin.json — the shipped rules,
// lexicons and presets, validated —, the offline web page dist/web/lawreport-lint.html
// and the JSON Schemas in schema/ (rule and config files, and each lexicon in schema/lexicon/).
import { execFile } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildWebPage } from './build-web.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// Build into a fresh folder and swap it in, so a CLI or test running from dist/
// never sees a half-written build.
const out = join(root, `dist.tmp-${process.pid}`);
const check = process.argv.includes('--check-schemas');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const entries = {
  index: 'src/index.ts',
  'build-data': 'src/build-data.ts',
};
for (const [name, file] of [['worker', 'src/batch/worker.ts'], ['reader', 'src/batch/reader.ts'], ['lsp', 'src/lsp/server.ts']]) {
  if (existsSync(join(root, file))) entries[name] = file;
}

const common = {
  absWorkingDir: root,
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  // exceljs (the xlsx report) is loaded from node_modules when a workbook is written:
  // bundled, its zip and stream dependencies would add ~1 MB to the package for one format
  external: ['exceljs'],
  // CommonJS dependencies bundled into ESM still call require()
  banner: { js: "import { createRequire as __lrlCreateRequire } from 'node:module'; const require = __lrlCreateRequire(import.meta.url);" },
};
// The API's type declarations (dist/types), from tsc, while esbuild bundles.
const require = createRequire(import.meta.url);
const declarations = new Promise((resolvePromise, reject) => {
  execFile(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.types.json', '--outDir', join(out, 'types')], { cwd: root }, (err, stdout) =>
    err ? reject(new Error(`build: type declarations failed\n${stdout}`)) : resolvePromise());
});

// The CLI is built on its own: sharing chunks with the other entries split its
// start-up path into 16 files instead of 9, ~7 ms more on every cold start.
await build({ ...common, entryPoints: { cli: 'src/cli/index.ts' } });
await build({ ...common, entryPoints: entries });

const data = await import(pathToFileURL(join(out, 'build-data.js')).href);
let builtins;
try {
  builtins = await data.loadBuiltinsFromYaml(root);
} catch (err) {
  rmSync(out, { recursive: true, force: true });
  if (err instanceof data.ConfigError) {
    console.error(err.problems.map(data.formatProblem).join('\n\n'));
    console.error(`\nbuild: ${err.problems.length} problem(s) in rules/ or presets/`);
    process.exit(1);
  }
  throw err;
}
const rel = (p) => relative(root, p).split('\\').join('/');
for (const r of builtins.rules) r.file = rel(r.file);
for (const p of Object.values(builtins.presets)) p.file = rel(p.file);
writeFileSync(join(out, 'builtin.json'), JSON.stringify(builtins));
for (const kind of ['config', 'rule']) writeFileSync(join(out, data.validatorFile(kind)), validatorCode(data, kind));
try {
  await buildWebPage(root, out, builtins);
  await declarations;
} catch (err) {
  rmSync(out, { recursive: true, force: true });
  console.error(err.message);
  process.exit(1);
}
const old = join(root, `dist.old-${process.pid}`);
if (existsSync(dist)) renameSync(dist, old);
renameSync(out, dist);
rmSync(old, { recursive: true, force: true });

mkdirSync(join(root, 'schema', 'lexicon'), { recursive: true });
const schemas = { 'rule.schema.json': data.ruleSchema(), 'config.schema.json': data.configSchema() };
for (const name of data.LEXICON_NAMES) schemas[`lexicon/${name}.schema.json`] = data.lexiconSchema(name);
let stale = false;
for (const [name, schema] of Object.entries(schemas)) {
  const file = join(root, 'schema', name);
  const text = JSON.stringify(schema, null, 2) + '\n';
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (old !== text) {
    if (check) stale = true;
    else writeFileSync(file, text);
  }
}
if (stale) {
  console.error('schema/ is stale: run npm run build');
  process.exit(1);
}

/**
 * The config or rule file validator as code (ajv standalone), with the schema
 * text it comes from: a run with a config file then loads neither ajv nor its
 * compiler (src/config/validate.ts), and ignores it if the schema changed since.
 */
function validatorCode(data, kind) {
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const schema = data.schemaOf(kind);
  const ajv = new Ajv({ ...data.AJV_OPTIONS, code: { source: true } });
  return `${standaloneCode(ajv, ajv.compile(schema))}\nmodule.exports.source = ${JSON.stringify(JSON.stringify(schema))};\n`;
}
