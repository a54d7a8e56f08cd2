/**
 * The `lawreport-lint --fix …` line the stylish summary suggests, to be pasted
 * into a shell: file names must reach the command as they are, never run
 * anything (a file named `$(touch PWNED)`id`;x.txt`). On Windows the line is for
 * PowerShell, elsewhere for a POSIX shell (sh, bash, zsh).
 */

/** Characters no shell treats specially: letters (Chinese included), digits and a few marks. */
const PLAIN = /^[\p{L}\p{N}_./:+=-]+$/u;

/** POSIX: single quotes, where nothing is special; a quote is closed, escaped and reopened: ' → '\''. */
export function posixQuote(name: string): string {
  return PLAIN.test(name) ? name : `'${name.replaceAll("'", "'\\''")}'`;
}

/**
 * PowerShell: single quotes, where $ and ` are literal; a quote inside is doubled,
 * and so are the curly single quotes PowerShell also takes for quotes (‘ ’ ‚ ‛).
 */
export function powershellQuote(name: string): string {
  return PLAIN.test(name) && !/^[-@]/.test(name) ? name : `'${name.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The whole command. A name starting with “-” is passed after `--`, so it is
 * not read as an option; a name holding control characters cannot be pasted at
 * all, so then the line names no files.
 */
export function fixCommandFor(files: readonly string[], windows = process.platform === 'win32'): string {
  if (files.some((f) => CONTROL.test(f))) return 'lawreport-lint --fix <文件>（有文件名含控制字符，未列出）';
  const quote = windows ? powershellQuote : posixQuote;
  const dashed = files.some((f) => f.startsWith('-'));
  return `lawreport-lint --fix ${dashed ? '-- ' : ''}${files.map(quote).join(' ')}`;
}
