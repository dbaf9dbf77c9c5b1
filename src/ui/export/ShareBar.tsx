import { CopyLinkButton } from './CopyLinkButton';
import { ImageButtons } from './ImageButtons';
import { WeightsButtons } from './WeightsButtons';
import './export.css';

/** Sharing and files: copy a link, export/import the weights, save pictures. */
export function ShareBar() {
  return (
    <div className="share-bar" aria-label="share and export">
      <CopyLinkButton />
      <WeightsButtons />
      <ImageButtons />
    </div>
  );
}
