/** The Excel exchange: what the handlers and the CLI use. */
export { LIMITS, type Limits } from './book';
export { recordKinds, registerKind, type RecordKind } from './kinds';
export { exportWorkspace } from './workspace-book';
export { exportPartner } from './partner';
export { exportSteering } from './steering';
export { planImport, applyImport, peekFile } from './import';
export { buildErrorWorkbook } from './errors-book';
