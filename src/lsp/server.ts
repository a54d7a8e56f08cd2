/** Placeholder until the language server lands (issue: editor integration). */
export async function startServer(_args: string[]): Promise<number> {
  process.stderr.write('lawreport-lint lsp: 语言服务器尚未包含在这个版本中\n');
  return 2;
}
