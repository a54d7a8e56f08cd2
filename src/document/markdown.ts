/**
 * Markdown block boundaries from remark-parse. Loaded lazily: a .txt draft never
 * pays for unified + remark (≈70 ms of imports on a cold start).
 */
export interface MdBlock {
  kind: 'heading' | 'paragraph' | 'html' | 'code' | 'other';
  startLine: number;   // 0-based
  endLine: number;     // 0-based, inclusive
  depth?: number;
  value?: string;
  fenced?: boolean;
}

type Parse = (text: string) => MdBlock[];
let parser: Parse | undefined;

export async function loadMarkdown(): Promise<void> {
  if (parser) return;
  const [{ unified }, { default: remarkParse }, { visit }] = await Promise.all([
    import('unified'), import('remark-parse'), import('unist-util-visit'),
  ]);
  const processor = unified().use(remarkParse);
  parser = (text) => {
    const tree = processor.parse(text);
    const blocks: MdBlock[] = [];
    visit(tree, (node: any) => {
      const pos = node.position;
      if (!pos) return;
      const base = { startLine: pos.start.line - 1, endLine: pos.end.line - 1 };
      switch (node.type) {
        case 'heading': blocks.push({ kind: 'heading', depth: node.depth, ...base }); return 'skip';
        case 'html': blocks.push({ kind: 'html', value: node.value, ...base }); return 'skip';
        case 'code': {
          // An indented line is prose (Word indentation), never code: only fences are code.
          const fenced = /^\s{0,3}(```|~~~)/.test(text.slice(pos.start.offset, pos.start.offset + 8));
          blocks.push({ kind: fenced ? 'code' : 'paragraph', fenced, ...base });
          return 'skip';
        }
        case 'paragraph': blocks.push({ kind: 'paragraph', ...base }); return 'skip';
        default: return undefined;
      }
    });
    return blocks.sort((a, b) => a.startLine - b.startLine);
  };
}

export function isMarkdownLoaded(): boolean {
  return parser !== undefined;
}

export function parseMarkdownBlocks(text: string): MdBlock[] {
  if (!parser) throw new Error('Markdown parser not loaded: call loadMarkdown() first');
  return parser(text);
}
