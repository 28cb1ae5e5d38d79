import { expect, type Locator, type Page } from '@playwright/test';

/** The change-dose screen: the form with its live limit check, then the before → after confirmation. */
export class DoseChangeFormPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Change dose' }).click();
    await expect(this.page.getByRole('heading', { name: 'Change dose', level: 1 })).toBeVisible();
  }

  async enterDose(dailyDoseMcg: string): Promise<void> {
    await this.page.getByLabel('New daily dose (mcg/day)').fill(dailyDoseMcg);
  }

  async choose(reason: string, specialist: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Reason', exact: true }).selectOption({ label: reason });
    await this.page.getByRole('combobox', { name: 'Ordering specialist' }).selectOption({ label: specialist });
  }

  get limitNotice(): Locator {
    return this.page.getByTestId('dose-limit-notice');
  }

  get reviewButton(): Locator {
    return this.page.getByRole('button', { name: 'Review change' });
  }

  /** A row of the confirmation table: "Setting", "Before", "After" cells. */
  async confirmationRow(setting: string): Promise<string[]> {
    const row = this.page
      .getByRole('table', { name: 'Settings before and after' })
      .getByRole('row', { name: new RegExp(`^${setting}`) });
    const cells = await row.locator('th, td').allTextContents();
    return cells.filter((text) => text.trim() !== '');
  }

  async confirm(): Promise<void> {
    await this.page.getByRole('button', { name: 'Confirm and save' }).click();
  }
}
