import { useAppStore } from '../store/appStore';

/**
 * Engine errors (overflow, divergence): shown until dismissed; the app keeps working. Without
 * an error it leaves an empty row, so the page grid keeps its shape.
 */
export function ErrorBanner() {
  const error = useAppStore((s) => s.error);
  const setView = useAppStore((s) => s.setView);
  if (!error) return <div className="error-slot" />;
  return (
    <div className="error-banner" role="alert">
      <p data-testid="error">{error}</p>
      <button aria-label="dismiss" onClick={() => setView({ error: null })}>
        ×
      </button>
    </div>
  );
}
