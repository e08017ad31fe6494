// A link to a page outside the app (a listing on a shop's site): the clerk confirms before it opens in the browser,
// seeing the full address; anything but http(s) is shown as text, never as a link (issue 9, item 20).
import { useState, type MouseEvent, type SyntheticEvent } from 'react';
import { isWebLink } from '../../../shared/formats/links';
import { ConfirmDialog } from './ConfirmDialog';

interface ExternalLinkProps {
  url: string;
  /** the link's text; the address itself by default */
  label?: string;
  className?: string;
}

export function ExternalLink({ url, label, className }: ExternalLinkProps) {
  const [asking, setAsking] = useState(false);
  if (!isWebLink(url)) return <span className={className} title={url}>{label ?? url}</span>;
  const ask = (e: MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setAsking(true);
  };
  // Clicks and keys inside the dialog stay in it: the row under the link must not take them (selection, c/d/u).
  const contain = (e: SyntheticEvent) => e.stopPropagation();
  return (
    <>
      <a href={url} className={className} title={url} rel="noreferrer noopener" onClick={ask}>
        {label ?? url}
      </a>
      {asking ? (
        <span onClick={contain} onKeyDown={contain}>
          <ConfirmDialog
            title="在浏览器中打开外部链接"
            confirmLabel="打开"
            onCancel={() => setAsking(false)}
            onConfirm={() => {
              setAsking(false);
              window.open(url, '_blank', 'noopener,noreferrer');
            }}
          >
            <p>将在浏览器中打开以下网址（电商平台的页面，不在本程序内）：</p>
            <p className="path">{url}</p>
            <p className="muted">请确认网址来自可信的平台后再打开。</p>
          </ConfirmDialog>
        </span>
      ) : null}
    </>
  );
}
