/**
 * Long texts as the user typed them: paragraphs, line breaks and "-"/"•"/"1." lists, rendered as
 * elements (never as HTML from input).
 */
const LIST_ITEM = /^\s*([-•*–·▪]|\d+[.)])\s+/;

type Block = { kind: 'p'; lines: string[] } | { kind: 'ul'; items: string[] };

export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const para of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let current: Block | null = null;
    for (const line of para.split('\n')) {
      if (!line.trim()) continue;
      const isItem = LIST_ITEM.test(line);
      if (isItem) {
        if (current?.kind !== 'ul') blocks.push((current = { kind: 'ul', items: [] }));
        current.items.push(line.replace(LIST_ITEM, ''));
      } else {
        if (current?.kind !== 'p') blocks.push((current = { kind: 'p', lines: [] }));
        current.lines.push(line);
      }
    }
  }
  return blocks;
}

export function LongText({ text, empty }: { text: string; empty?: string }) {
  if (!text.trim()) return <p className="muted">{empty ?? '—'}</p>;
  return (
    <div className="longtext">
      {toBlocks(text).map((b, i) =>
        b.kind === 'ul' ? (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>
            {b.lines.map((l, j) => (
              <span key={j}>
                {j > 0 && <br />}
                {l}
              </span>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
