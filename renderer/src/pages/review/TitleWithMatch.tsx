import { splitAround } from './alignment';

/** A long listing title with the part that matched a protected mark highlighted. */
export function TitleWithMatch({ title, matched }: { title: string; matched: string }) {
  const parts = splitAround(title, matched);
  if (!parts) return <>{title}</>;
  return (
    <>
      {parts.before}
      <mark className="title-match">{parts.match}</mark>
      {parts.after}
    </>
  );
}
