import fs from 'node:fs';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The three export cards on the Excel page, by their heading. */
export type ExportCard = 'Werkbestand' | 'Stuurgroeprapportage' | 'Uitvraag partner';

/** The counts above the dry-run table ("Nieuw", "Gewijzigd", ...). */
export interface PlanCounts {
  Nieuw: number;
  Gewijzigd: number;
  Ongewijzigd: number;
  Conflict: number;
  Afgewezen: number;
}

/**
 * "Excel-uitwisseling" (sidebar "Excel"): exports (workspace, steering report, partner request)
 * and reading in a returned file with a dry run, Toepassen and "Import ongedaan maken".
 */
export class ExchangePage {
  readonly heading: Locator;
  readonly partner: Locator;
  readonly period: Locator;
  /** The file input behind "Excel-bestand kiezen…" (the label is styled as a button). */
  readonly fileInput: Locator;
  readonly lastImport: Locator;
  readonly undoImport: Locator;
  readonly refusal: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Excel-uitwisseling', exact: true });
    this.partner = page.getByLabel('Partner', { exact: true });
    this.period = page.getByLabel('Periode of ronde', { exact: true });
    this.fileInput = page.getByLabel('Excel-bestand kiezen…', { exact: true });
    this.lastImport = page.getByRole('paragraph').filter({ has: page.getByText('Laatste import:', { exact: true }) });
    this.undoImport = page.getByRole('button', { name: '↶ Import ongedaan maken', exact: true });
    this.refusal = page.getByRole('alert');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Excel', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  /**
   * An export card. The cards are plain sections without a name of their own, and all three
   * buttons are called "Downloaden", so the card is found by its heading.
   */
  card(name: ExportCard): Locator {
    return this.page.locator('section').filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
  }

  /** Clicks "Downloaden" in a card and saves the file under dir; returns the download and its path. */
  async download(card: ExportCard, dir: string): Promise<{ download: Download; file: string }> {
    const downloaded = this.page.waitForEvent('download');
    await this.card(card).getByRole('button', { name: 'Downloaden', exact: true }).click();
    const download = await downloaded;
    expect(await download.failure()).toBeNull();
    fs.mkdirSync(dir, { recursive: true });
    const file = `${dir}/${download.suggestedFilename()}`;
    await download.saveAs(file);
    await expect(this.page.getByRole('status')).toContainText(`${download.suggestedFilename()} is gedownload.`);
    return { download, file };
  }

  /** "Uitvraag partner": chooses the partner (and period) and downloads the request. */
  async requestFor(partner: string, period: string, dir: string): Promise<{ download: Download; file: string }> {
    await this.partner.fill(partner);
    await this.period.fill(period);
    return this.download('Uitvraag partner', dir);
  }

  /** Chooses a file for "Inlezen"; the dry run follows. */
  async upload(file: string): Promise<void> {
    await this.fileInput.setInputFiles(file);
  }

  /** The dry-run card ("Proefimport: <file>"). */
  plan(fileName: string): Locator {
    return this.page.getByRole('region', { name: `Proefimport: ${fileName}`, exact: true });
  }

  planTable(fileName: string): Locator {
    return this.plan(fileName).getByRole('table');
  }

  /** Data rows of the dry-run table (the header row left out). */
  planRows(fileName: string): Locator {
    return this.planTable(fileName).getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** The dry-run row of a sheet row, by its "Blad en rij" cell ("Activiteiten, rij 4"). */
  planRow(fileName: string, sheet: string, row: number): Locator {
    return this.planRows(fileName).filter({ has: this.page.getByRole('cell', { name: `${sheet}, rij ${row}`, exact: true }) });
  }

  /** The count shown for a status above the table. */
  count(fileName: string, status: keyof PlanCounts): Locator {
    return this.plan(fileName)
      .locator('dl > div')
      .filter({ has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${status}$`) }) })
      .getByRole('definition');
  }

  async expectCounts(fileName: string, counts: PlanCounts): Promise<void> {
    for (const [status, n] of Object.entries(counts)) await expect(this.count(fileName, status as keyof PlanCounts), status).toHaveText(String(n));
  }

  /** "Toepassen (n regels)". */
  apply(fileName: string, n: number): Locator {
    return this.plan(fileName).getByRole('button', { name: n === 1 ? 'Toepassen (1 regel)' : `Toepassen (${n} regels)`, exact: true });
  }

  showUnchanged(fileName: string): Locator {
    return this.plan(fileName).getByRole('checkbox', { name: 'Ook ongewijzigde regels tonen', exact: true });
  }
}
