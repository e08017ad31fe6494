// Times in the accounts' messages are 北京时间, whatever zone the server's machine is set to.
const BEIJING_OFFSET_MS = 8 * 60 * 60_000;

/** 北京时间 HH:MM of an ISO time. */
export function clockTime(iso: string): string {
  return new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(11, 16);
}
