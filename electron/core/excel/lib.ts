/**
 * exceljs, loaded on first use. Requiring it costs hundreds of milliseconds, which every start of
 * the CLI (`regieboek info`) and the browser host would otherwise pay without touching Excel.
 */
type ExcelJSModule = typeof import('exceljs');

let loaded: ExcelJSModule | null = null;

export async function excel(): Promise<ExcelJSModule> {
  if (!loaded) {
    const m = (await import('exceljs')) as ExcelJSModule & { default?: ExcelJSModule };
    loaded = m.default ?? m;
  }
  return loaded;
}
