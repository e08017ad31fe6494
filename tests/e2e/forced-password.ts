// Shared by the browser's and the connected desktop's specs (no fixture of either).
import { expect, type Page } from '@playwright/test';

/**
 * The change a password someone else set demands right after the login (the first 管理员's printed one, a reset
 * one): in a browser it takes the page's place, on a connected desktop it sits over the window.
 */
export async function changeForcedPassword(page: Page, current: string, next: string): Promise<void> {
  const form = page.getByRole('form', { name: '修改密码' });
  await expect(form).toBeVisible();
  await form.getByLabel('当前密码').fill(current);
  await form.getByLabel('新密码', { exact: true }).fill(next);
  await form.getByLabel('再次输入新密码').fill(next);
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(form).toHaveCount(0);
}
