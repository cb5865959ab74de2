/**
 * Saving text the app built (an export) as a file, in the browser: a Blob behind a temporary link.
 * The object URL is released a moment later, once the browser has started the download.
 */
export type TextFile = { fileName: string; mimeType: string; content: string };

export function saveTextFile(file: TextFile) {
  const blob = new Blob([file.content], { type: `${file.mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
