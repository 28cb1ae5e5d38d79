import { expect, type Locator, type Page } from '@playwright/test';

/** The appointment calendar: a day's column and the appointments in it. */
export class CalendarPage {
  constructor(private readonly page: Page) {}

  async openFromNavigation(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Calendar' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();
  }

  /** From the week, one day on its own: `label` as the week shows it, "Mon 23 Nov 2026". */
  async openDay(label: string): Promise<void> {
    await this.page.getByRole('button', { name: `Open ${label} as a day` }).click();
    await expect(this.page).toHaveURL(/view=day/);
    await expect(this.page.getByRole('region', { name: label })).toBeVisible();
  }

  /** The one appointment of a patient in a day's list, by its accessible name ("Refill, Smith, Anna, 09:00–09:30"). */
  appointment(patientName: string): Locator {
    return this.page.getByRole('article', { name: new RegExp(`^Refill, ${patientName},`) });
  }

  /** A patient's refill on the week's time grid, named "Smith, Anna 09:00 Refill (09:00–09:30, Booked)". */
  event(patientName: string): Locator {
    return this.page
      .getByTestId('time-grid')
      .getByRole('button', { name: new RegExp(`^${patientName} \\d\\d:\\d\\d Refill`) });
  }
}
