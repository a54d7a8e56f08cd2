import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileUrl } from '../src/config/node-host.js';

// node-host's fileUrl takes a shortcut (encodeURI) for plain paths; it must name
// every path exactly as Node's pathToFileURL does, shortcut or not.
describe('fileUrl', () => {
  it.runIf(process.platform !== 'win32')('names drafts as pathToFileURL does', () => {
    for (const p of [
      '/tmp/县司法局/片区00/0000-青山镇-2022.txt',
      '/home/user/法治政府 建设/2023年度报告（初稿）.docx',
      '/a/b c/d.txt', '/a/~b/c.txt', '/a/#1/c.txt', '/a/b?.txt', '/a/[1]/x.md', '/a/../b.txt', '/a/./b.txt', '/a//b.txt', '/a/b/',
      '/a/😀/b.txt', '/a/\u3000/b.txt', '/a/%E9/b.txt', '/a/b\\c.txt', '/a/\ud800/b.txt', '/.', '/..',
    ]) expect(fileUrl(p), p).toBe(pathToFileURL(p).href);
  });

  it.runIf(process.platform !== 'win32')('agrees with pathToFileURL on 50,000 generated paths', () => {
    const chars = [...'aZ09 "%<>`{}!$&\'()*+,;=:@~-_./#?[]|^\\', '青', '镇', '\u3000', '\u00a0', 'é', '😀', '\ud800', '\udc00', '\x7f', '\x01', '\n', '\ufffd', '\uffff'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
    for (let i = 0; i < 50_000; i++) {
      let p = '/';
      for (let k = 1 + rand(14); k > 0; k--) p += chars[rand(chars.length)];
      expect(fileUrl(p), JSON.stringify(p)).toBe(pathToFileURL(p).href);
    }
  });
});
