import { expect, type Page } from '@playwright/test';

export interface RefillEntry {
  residualWithdrawnMl: string;
  volumeAddedMl: string;
  lotNumber: string;
  lotExpiresOn: string;
}

/** The record-refill screen: its form by labels, its live preview by the values it shows. */
export class RefillFormPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Record refill' }).click();
    await expect(this.page.getByRole('heading', { name: 'Record refill', level: 1 })).toBeVisible();
  }

  /** Fills what changes at every refill; the drug and programme start as the current fill's. */
  async enter(entry: RefillEntry): Promise<void> {
    await this.page.getByLabel('Residual withdrawn (mL)').fill(entry.residualWithdrawnMl);
    await this.page.getByLabel('Volume added (mL)').fill(entry.volumeAddedMl);
    await this.page.getByLabel('Lot number').fill(entry.lotNumber);
    await this.page.getByLabel('Lot expiry').fill(entry.lotExpiresOn);
  }

  async expectServerConfirmed(): Promise<void> {
    await expect(this.page.getByTestId('server-check')).toHaveText('Confirmed: the server computes the same numbers.');
  }

  async previewValue(name: 'expected-residual' | 'discrepancy' | 'delivery-error' | 'alarm' | 'empty' | 'refill-by') {
    return (await this.page.getByTestId(`preview-${name}`).textContent()) ?? '';
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save refill' }).click();
  }
}
