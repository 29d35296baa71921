/**
 * Long texts as the user typed them: paragraphs and "-"/"•" lists, rendered as elements (never as
 * HTML from input).
 */
export function LongText({ text, empty }: { text: string; empty?: string }) {
  if (!text.trim()) return <p className="muted">{empty ?? '—'}</p>;
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  return (
    <div className="longtext">
      {blocks.map((b, i) => {
        const lines = b.split('\n').filter((l) => l.trim() !== '');
        const isList = lines.length > 0 && lines.every((l) => /^\s*([-•*–]|\d+[.)])\s+/.test(l));
        if (isList)
          return (
            <ul key={i}>
              {lines.map((l, j) => (
                <li key={j}>{l.replace(/^\s*([-•*–]|\d+[.)])\s+/, '')}</li>
              ))}
            </ul>
          );
        return (
          <p key={i}>
            {lines.map((l, j) => (
              <span key={j}>
                {j > 0 && <br />}
                {l}
              </span>
            ))}
          </p>
        );
      })}
    </div>
  );
}
