// saxen ships no types: the part of its API the reader uses (https://github.com/nikku/saxen).
declare module 'saxen' {
  type Context = () => { line: number; column: number; data: string };
  export class Parser {
    constructor(options?: { proxy?: boolean });
    /** Element name as written, its attributes (raw values, parsed when first asked for, valid during this call only). */
    on(event: 'openTag', cb: (name: string, attrs: () => Record<string, string>, decode: (s: string) => string, selfClosing: boolean, context: Context) => void): this;
    on(event: 'closeTag', cb: (name: string, decode: (s: string) => string, selfClosing: boolean, context: Context) => void): this;
    on(event: 'text', cb: (raw: string, decode: (s: string) => string, context: Context) => void): this;
    /** `<!…>` other than comments and CDATA: a DOCTYPE, an ENTITY declaration. */
    on(event: 'attention', cb: (raw: string, decode: (s: string) => string, context: Context) => void): this;
    on(event: 'error' | 'warn', cb: (err: Error, context: Context) => void): this;
    parse(xml: string): this;
  }
}
