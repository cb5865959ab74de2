/**
 * A chosen file's text, whatever its encoding: UTF-8 (with or without a BOM) as it is, and
 * Windows-1252 — what Excel on Windows saves as plain "CSV" — converted, so "Zürich" does not
 * arrive as "Z�rich". A UTF-8 reader with `fatal` refuses the bytes Windows-1252 uses for accents.
 */
export async function readTextFile(file: Blob): Promise<{ text: string; encoding: "utf-8" | "windows-1252" }> {
  const bytes = await file.arrayBuffer();
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}
