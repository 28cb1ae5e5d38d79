import { expect, type Locator, type Page } from '@playwright/test';

/** The due-refill queue: its rows by patient, its booking dialog by labels. */
export class RefillQueuePage {
  constructor(private readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Due-refill queue' });
  }

  /** A patient's row, loading further keyset pages until it shows (the demo clinic has many rows). */
  async row(patientName: string): Promise<Locator> {
    await expect(this.table).toBeVisible();
    const row = this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name: patientName }) });
    const loadMore = this.page.getByRole('button', { name: 'Load more' });
    for (let page = 0; page < 20 && (await row.count()) === 0; page++) {
      if (!(await loadMore.isVisible())) break;
      await loadMore.click();
      await expect(loadMore.or(this.page.getByText(/^Showing \d+ pumps/))).toBeVisible();
    }
    await expect(row).toHaveCount(1);
    return row;
  }

  async openBooking(row: Locator, patientName: string): Promise<Locator> {
    await row.getByRole('button', { name: `Book refill for ${patientName}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Book an appointment for ${patientName}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
