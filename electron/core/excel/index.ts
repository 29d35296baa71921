/** The Excel exchange: what the handlers and the CLI use. */
export { readBook, checkBytes, LIMITS, type Limits } from './book';
export { recordKinds, registerKind, kindByName, type RecordKind } from './kinds';
export { exportWorkspace, buildWorkspaceWorkbook, type ExportContext } from './workspace-book';
export { exportPartner, buildPartnerWorkbook, partnerSections, type PartnerRequest, type PartnerSection } from './partner';
export { exportSteering, buildSteeringWorkbook, steeringSheets, type SteeringSheet } from './steering';
export { planImport, applyImport, peekFile, forgetParsed } from './import';
export { buildErrorWorkbook } from './errors-book';
