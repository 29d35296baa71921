/**
 * Long texts as the user typed them: paragraphs and "-"/"•" lists, rendered as elements (never as
 * HTML from input).
 */
const ITEM = /^\s*([-•*–]|\d+[.)])\s+/;

export function LongText({ text, empty }: { text: string; empty?: string }) {
  if (!text.trim()) return <p className="muted">{empty ?? '—'}</p>;
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  return (
    <div className="longtext">
      {blocks.flatMap((b, i) => {
        // A block may start with a sentence and continue with a list ("Doelen:" then "- …").
        const runs: { list: boolean; lines: string[] }[] = [];
        for (const l of b.split('\n').filter((x) => x.trim() !== '')) {
          const list = ITEM.test(l);
          const last = runs[runs.length - 1];
          if (last && last.list === list) last.lines.push(l);
          else runs.push({ list, lines: [l] });
        }
        return runs.map((r, k) =>
          r.list ? (
            <ul key={`${i}-${k}`}>
              {r.lines.map((l, j) => (
                <li key={j}>{l.replace(ITEM, '')}</li>
              ))}
            </ul>
          ) : (
            <p key={`${i}-${k}`}>
              {r.lines.map((l, j) => (
                <span key={j}>
                  {j > 0 && <br />}
                  {l}
                </span>
              ))}
            </p>
          ),
        );
      })}
    </div>
  );
}
