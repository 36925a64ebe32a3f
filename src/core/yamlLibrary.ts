// The `yaml` library, evaluated on first use rather than when the extension loads: its module initialisation is
// most of the bundle's load time, and activation (the tree, the status bar) parses no YAML. esbuild keeps a
// CommonJS `require` inside a function lazy, so nothing of the library runs until a spec or schema is parsed.
// Every YAML call in src/ outside the emulator goes through here (lint: no value import of 'yaml').
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately deferred, see above
  return (lib ??= require('yaml') as typeof Yaml);
}

export const parse = ((...args: Parameters<typeof Yaml.parse>) => yaml().parse(...args)) as typeof Yaml.parse;
export const parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) => yaml().parseDocument(...args)) as typeof Yaml.parseDocument;
export const parseAllDocuments = ((...args: Parameters<typeof Yaml.parseAllDocuments>) => yaml().parseAllDocuments(...args)) as typeof Yaml.parseAllDocuments;
export const stringify = ((...args: Parameters<typeof Yaml.stringify>) => yaml().stringify(...args)) as typeof Yaml.stringify;
export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;

/** A new `LineCounter` (the class is the library's, so it is reached through the lazy load too). */
export const newLineCounter = (): Yaml.LineCounter => new (yaml().LineCounter)();
