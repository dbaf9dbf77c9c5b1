import { describeIgnored } from '../../url/codec';
import { useUrlNote } from '../../url/urlNote';

/**
 * The note about the opening link (`data-testid="url-note"`): which parameters were ignored and
 * why, until dismissed. Nothing when the link was clean.
 */
export function UrlNote() {
  const ignored = useUrlNote((s) => s.ignored);
  const dismiss = useUrlNote((s) => s.dismiss);
  if (ignored.length === 0) return null;
  return (
    <div className="url-note" role="status" data-testid="url-note">
      <p>Ignored from the link: {describeIgnored(ignored)}. The rest of the link was applied.</p>
      <button type="button" aria-label="dismiss" data-testid="url-note-dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
