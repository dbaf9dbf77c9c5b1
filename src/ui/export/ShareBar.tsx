import { CopyLinkButton } from './CopyLinkButton';
import { DownloadCppButton } from './DownloadCppButton';
import { ImageButtons } from './ImageButtons';
import { WeightsButtons } from './WeightsButtons';
import './export.css';

/** Sharing and files: copy a link, export/import the weights, save pictures, the run as C++. */
export function ShareBar() {
  return (
    <div className="share-bar" aria-label="share and export">
      <CopyLinkButton />
      <WeightsButtons />
      <ImageButtons />
      <DownloadCppButton />
    </div>
  );
}
