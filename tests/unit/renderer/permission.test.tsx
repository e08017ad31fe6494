// @vitest-environment jsdom
// What a control may do follows the signed-in role (shared/roles.ts): nothing is held back in the desktop app on its
// own data; connected to a server, a 科员 is told why 签发 is not hers, a 处长 is not.
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { reportConnectedRole, usePermission, useSignedInRole } from '../../../renderer/src/app/account';

afterEach(() => {
  act(() => reportConnectedRole(null));
  cleanup();
});

describe('permissions in the renderer', () => {
  it('allows everything without accounts, and follows the connected role when there is one', () => {
    const { result } = renderHook(() => ({ issue: usePermission('letters.issue'), role: useSignedInRole() }));
    expect(result.current).toEqual({ issue: { allowed: true, reason: undefined }, role: null });
    act(() => reportConnectedRole('科员'));
    expect(result.current).toEqual({ issue: { allowed: false, reason: '您的角色（科员）无权执行此操作，需要「处长」或更高的角色。' }, role: '科员' });
    act(() => reportConnectedRole('处长'));
    expect(result.current.issue.allowed).toBe(true);
  });
});
