import { describeIgnored } from '../../url/codec';
import { useUrlNote } from '../../url/urlNote';

/**
 * The note about the opening link (`data-testid="url-note"`): which parameters were ignored and
 * why, and which were applied changed (a number brought within range), until dismissed.
 * Nothing when the link was clean.
 */
export function UrlNote() {
  const noted = useUrlNote((s) => s.ignored);
  const dismiss = useUrlNote((s) => s.dismiss);
  if (noted.length === 0) return null;
  const changed = noted.filter((p) => p.used !== undefined);
  const ignored = noted.filter((p) => p.used === undefined);
  return (
    <div className="url-note" role="status" data-testid="url-note">
      <p>
        {changed.length > 0 && <>Changed from the link: {describeIgnored(changed)}. </>}
        {ignored.length > 0 && <>Ignored from the link: {describeIgnored(ignored)}. </>}
        The rest of the link was applied.
      </p>
      <button type="button" aria-label="dismiss" data-testid="url-note-dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
