import { expect, type Page } from '@playwright/test';

export interface NewPatient {
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
}

/** The add-patient and implant-pump forms, through their labels as a user sees them. */
export class PatientForms {
  constructor(private readonly page: Page) {}

  /** From anywhere in the app: the patient list through the navigation, then its "Add patient". */
  async addPatient(p: NewPatient): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Patients' })
      .click();
    await this.page.getByRole('button', { name: 'Add patient' }).click();
    await this.fillPatient(p);
    await this.page.getByRole('button', { name: 'Save patient' }).click();
    await expect(this.page.getByRole('heading', { name: new RegExp(p.familyName) })).toBeVisible();
  }

  /** The add-patient form's required fields, left for the caller to save. */
  async fillPatient(p: NewPatient): Promise<void> {
    await this.page.getByLabel('MRN').fill(p.mrn);
    await this.page.getByLabel('Given name').fill(p.givenName);
    await this.page.getByLabel('Family name').fill(p.familyName);
    await this.page.getByLabel('Birth date').fill(p.birthDate);
    await this.selectOption('Sex', 'Female');
    await this.selectOption('Spasticity origin', 'Spinal');
    await this.selectOption('Diagnosis', 'Multiple sclerosis');
  }

  async implantPump(serialNumber: string, fillPerformedAt: string): Promise<void> {
    await this.enterImplant(serialNumber, fillPerformedAt);
    await this.page.getByRole('button', { name: 'Implant pump' }).last().click();
  }

  /** From the patient page, the implant form filled (a 20 mL SynchroMed II), left for the caller to save. */
  async enterImplant(serialNumber: string, fillPerformedAt: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Implant pump' }).first().click();
    await this.selectOption('Pump model', 'SynchroMed II 20 mL');
    await this.page.getByLabel('Serial number').fill(serialNumber);
    await this.page.getByLabel('Implanted on').fill(fillPerformedAt.slice(0, 10));
    await this.page.getByLabel('Fill performed at').fill(fillPerformedAt);
    await this.page.getByLabel('Volume added (mL)').fill('20');
    await this.selectOption('Concentration (mcg/mL)', '2,000 mcg/mL');
    await this.page.getByLabel('Daily dose (mcg/day)').fill('400');
    await this.page.getByLabel('Drug product').fill('Lioresal Intrathecal');
    await this.page.getByLabel('Lot number').fill('E2E-LOT-1');
    await this.page.getByLabel('Lot expiry').fill('2030-01-31');
  }

  /** The forms use native selects, named by their labels. */
  private async selectOption(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label, exact: true }).selectOption({ label: option });
  }
}
