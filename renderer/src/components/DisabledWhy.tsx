/**
 * Next to a greyed-out button: why it cannot be used yet, in words (issue 17). Give the button
 * aria-describedby={id} while `show` is true, so a screen reader says the reason with the button.
 */
export function DisabledWhy({ id, show, reason }: { id: string; show: boolean; reason: string }) {
  if (!show) return null;
  return (
    <span id={id} className="small muted disabled-why">
      {reason}
    </span>
  );
}
