/**
 * A drill's score (`data-testid="drill-score"`): right moves out of all moves, and a button to
 * go again.
 */
export function DrillScore({
  right,
  moves,
  unit,
  onRestart,
}: {
  right: number;
  moves: number;
  unit: string;
  onRestart: () => void;
}) {
  const wrong = moves - right;
  return (
    <div className="drill-score" data-testid="drill-score" data-right={right} data-moves={moves}>
      <strong>
        Score: {right} of {moves} {unit} right
      </strong>{' '}
      {wrong === 0 ? '— no wrong move.' : `— ${wrong} wrong ${wrong === 1 ? 'move' : 'moves'}.`}{' '}
      <button type="button" data-testid="drill-restart" onClick={onRestart}>
        Again
      </button>
    </div>
  );
}

/** A drill's line under its board: the last move's verdict, or what to do (`drill-feedback`). */
export function DrillFeedback({
  feedback,
  idle,
}: {
  feedback: { right: boolean; text: string } | null;
  idle: string;
}) {
  const state = feedback ? (feedback.right ? 'right' : 'not-yet') : '';
  return (
    <p className={`drill-feedback ${state}`} data-testid="drill-feedback" role="status">
      {feedback?.text ?? idle}
    </p>
  );
}
