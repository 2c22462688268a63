export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

/** Windows-1252 differs from Latin-1 in 0x80-0x9F only (curly quotes, dashes, €). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Excel on Windows still saves "CSV" as Windows-1252. A file that is not valid UTF-8 is decoded as
 * Windows-1252 instead of turning "José" into "Jos�"; a UTF-8 byte-order mark is dropped. The
 * Windows-1252 table is our own: Node 20's TextDecoder decodes that label as Latin-1 (losing ’ and
 * “ ”), while Node 22's follows the standard, and the two must behave the same.
 */
export function decodeText(buffer: Buffer): DecodedText {
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(buffer)), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(buffer), encoding: 'windows-1252' };
  }
}

function decodeWindows1252(buffer: Buffer): string {
  const latin1 = buffer.toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (char) => String.fromCharCode(CP1252_HIGH[char.charCodeAt(0) - 0x80]));
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
