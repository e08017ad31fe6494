// Named points in long operations where the crash harness and the restore drills make the process die (as a power
// cut would) or a write fail (as a full disk would). Inert unless a test arms a point or MARKGUARD_FAULTS names it
// (`restore:between-renames=kill,backup:write=enospc`); the app never sets either.
export type Fault = 'kill' | 'enospc';

const armed = new Map<string, Fault>();

/** For tests in this process: arm one point (a 'kill' here would kill the test runner; use a child process). */
export function armFault(point: string, fault: Fault): void {
  armed.set(point, fault);
}

export function disarmFaults(): void {
  armed.clear();
}

function fromEnvironment(point: string): Fault | undefined {
  const spec = process.env.MARKGUARD_FAULTS;
  if (!spec) return undefined;
  for (const entry of spec.split(',')) {
    const [name, fault] = entry.split('=');
    if (name?.trim() === point && (fault === 'kill' || fault === 'enospc')) return fault;
  }
  return undefined;
}

/** An error shaped as the file system reports a full disk. */
export function noSpaceError(where: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${where}`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
}

export function faultPoint(point: string): void {
  const fault = armed.get(point) ?? fromEnvironment(point);
  if (fault === 'kill') process.kill(process.pid, 'SIGKILL');
  if (fault === 'enospc') throw noSpaceError(point);
}
