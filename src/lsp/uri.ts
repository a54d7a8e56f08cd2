import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatOf } from '../document/index.js';

export interface DocumentLocation {
  /** Filesystem path for `file:` URIs; undefined for untitled buffers and other schemes. */
  path?: string;
  /** Linted as Markdown or plain text by the file name, whatever the client's language id. */
  format: 'md' | 'txt';
}

export function locate(uri: string): DocumentLocation {
  let path: string | undefined;
  let name = uri;
  if (uri.startsWith('file:')) {
    try {
      path = fileURLToPath(uri);
      name = path;
    } catch {
      path = undefined;
    }
  } else {
    // untitled:Untitled-1, untitled:/notes/draft.md …: the name still decides the format
    try {
      name = decodeURIComponent(new URL(uri).pathname);
    } catch {
      name = uri;
    }
  }
  // the CLI's rule: .md/.markdown is Markdown; anything else an editor sends is plain text
  return { path, format: formatOf(name) === 'md' ? 'md' : 'txt' };
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
