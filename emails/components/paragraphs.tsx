import { Text } from "@react-email/components";
import type { CSSProperties } from "react";
import { Fragment } from "react";

/**
 * Splits text someone typed into paragraphs at blank lines and keeps single line breaks as <br>,
 * so both the HTML and the plain-text part read the way it was written and copy cleanly.
 * React escapes every piece: user text never becomes markup.
 */
export function splitParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, "\n")
    .trim()
    .split(/\n[ \t]*\n/)
    .map((p) => p.split("\n"));
}

export function Paragraphs({ text, style }: { text: string; style: CSSProperties }) {
  const blocks = splitParagraphs(text);
  return (
    <>
      {blocks.map((lines, i) => (
        <Text key={i} style={i === blocks.length - 1 ? { ...style, marginBottom: 0 } : style}>
          {lines.map((line, j) => (
            <Fragment key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </Text>
      ))}
    </>
  );
}
