// Bytes to spec text, as Proton would read them: UTF-8 (a BOM is dropped). Invalid UTF-8 is decoded with
// replacement characters and reported as a yaml-syntax problem where the first bad byte was, so a file from the
// command line is never rejected without saying why.
import { problem, type Problem } from './problems';

export interface SpecText {
  text: string;
  /** Set when the bytes are not UTF-8 text. */
  problem?: Problem;
}

export function decodeSpecBytes(bytes: Uint8Array): SpecText {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const at = Math.max(0, text.indexOf('\ufffd'));
    const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    return {
      text,
      problem: problem('yaml-syntax', utf16 ? 'The file is UTF-16 text; a spec must be UTF-8.' : 'The file is not valid UTF-8 text (first bad byte here).', {
        span: { start: at, end: Math.min(text.length, at + 1) },
      }),
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}
