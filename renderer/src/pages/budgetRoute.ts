/** Links into the budget screens; the route format itself is in budgetFilter.ts. */
import { href } from '../router';
import { filterParts, type Filter, type Tab } from './budgetFilter';

export { TABS, filterParts, parseFilter, type Filter, type Tab } from './budgetFilter';

export const budgetHref = (programmeId: string, tab: Tab, f: Filter = {}) => href('begroting', programmeId, tab, ...filterParts(f));
