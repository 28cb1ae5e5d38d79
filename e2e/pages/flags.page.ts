import { expect, type Locator, type Page } from '@playwright/test';

/** The withdrawal-risk flags banner at the top of a patient's chart, and its dialogs. */
export class PatientFlagsBanner {
  constructor(private readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Withdrawal-risk flags' });
  }

  /** One flag, named by its severity and label as a screen reader hears it: "Critical: Withdrawal signs". */
  flag(severityAndLabel: string): Locator {
    return this.region.getByRole('article', { name: severityAndLabel });
  }

  /** Reports withdrawal signs (the dialog's default) or overdose signs. */
  async reportClinicalSigns(
    signs: string[],
    note: string,
    kind: 'Withdrawal signs' | 'Overdose signs' = 'Withdrawal signs',
  ): Promise<void> {
    await this.region.getByRole('button', { name: 'Report clinical signs' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Report withdrawal or overdose signs' });
    await expect(dialog.getByText('This raises a critical flag')).toBeVisible();
    // The dialog opens on its first field, so a keyboard user starts on the kind of report.
    await expect(dialog.getByRole('radio', { name: 'Withdrawal signs' })).toBeFocused();
    if (kind !== 'Withdrawal signs') await dialog.getByRole('radio', { name: kind }).check();
    await expect(dialog.getByRole('group', { name: `${kind} observed` })).toBeVisible();
    for (const sign of signs) await dialog.getByRole('checkbox', { name: sign }).check();
    await dialog.getByLabel('Note').fill(note);
    await dialog.getByRole('button', { name: 'Raise critical flag' }).click();
    await expect(dialog).toBeHidden();
  }

  async acknowledge(severityAndLabel: string, note: string): Promise<void> {
    await this.flag(severityAndLabel)
      .getByRole('button', { name: /^Acknowledge/ })
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Acknowledge flag' });
    const noteField = dialog.getByLabel('Note (optional)');
    await expect(noteField).toBeFocused();
    await noteField.fill(note);
    await dialog.getByRole('button', { name: 'Acknowledge flag' }).click();
    await expect(dialog).toBeHidden();
  }
}

/** The clinic-wide flags work list at /flags. */
export class FlagsWorkListPage {
  constructor(private readonly page: Page) {}

  async openFromNavigation(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Flags' }).click();
    await expect(this.page.getByRole('heading', { name: 'Withdrawal-risk flags', level: 1 })).toBeVisible();
  }

  async filter(label: 'Status' | 'Severity' | 'Rule', option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label, exact: true }).selectOption({ label: option });
  }

  /** The row of a patient's flag, found by the patient's name as the link shows it. */
  row(patientName: string): Locator {
    return this.page
      .getByRole('table', { name: 'Flags' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: patientName, exact: true }) });
  }
}
