/** How a spreadsheet export was decoded, for the importer's note. */
export type Encoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "Windows-1252";

/**
 * Decodes a spreadsheet export without ever producing mojibake: UTF-8 with or without a BOM,
 * UTF-16 LE/BE with a BOM (Excel's "Unicode text") or without one (told apart by the zero
 * bytes of ASCII text), and, when the bytes are not valid UTF-8, Windows-1252 (Excel's default
 * "CSV" on Windows in the Americas and Western Europe), which maps every byte to a character.
 */
export function decodeSpreadsheet(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: utf16(bytes.subarray(2), "le"), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: utf16(bytes.subarray(2), "be"), encoding: "UTF-16BE" };
  const guess = utf16WithoutBom(bytes);
  if (guess) return { text: utf16(bytes, guess), encoding: guess === "le" ? "UTF-16LE" : "UTF-16BE" };
  try {
    return utf8(bytes);
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
  }
}

function utf8(bytes: Uint8Array): { text: string; encoding: Encoding } {
  return {
    text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes),
    encoding: "UTF-8",
  };
}

function utf16(bytes: Uint8Array, order: "le" | "be"): string {
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  if (order === "le") return new TextDecoder("utf-16le").decode(even);
  const swapped = new Uint8Array(even.length);
  for (let i = 0; i < even.length; i += 2) {
    swapped[i] = even[i + 1]!;
    swapped[i + 1] = even[i]!;
  }
  return new TextDecoder("utf-16le").decode(swapped);
}

/** Column names are ASCII, so UTF-16 shows as a zero byte in every other position. */
function utf16WithoutBom(bytes: Uint8Array): "le" | "be" | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 200) & ~1);
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const half = sample.length / 2;
  if (oddZeros > half * 0.7 && evenZeros === 0) return "le";
  if (evenZeros > half * 0.7 && oddZeros === 0) return "be";
  return undefined;
}
