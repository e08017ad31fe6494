// Days and minutes as the clerk reads them: in the machine's time zone, where deadlines are calendar days.

const pad = (n: number) => String(n).padStart(2, '0');

/** Today's date in the machine's time zone: deadlines are calendar days where the clerk sits. */
export function localToday(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A moment as a clerk reads it: the local date and minute. */
export function localMinute(iso: string): string {
  const date = new Date(iso);
  return `${localToday(iso)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
