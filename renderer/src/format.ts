import { formatCents } from '../../shared/money';
import { formatDate } from '../../shared/dates';

export { formatCents, formatDate };
export { formatDateTime } from '../../shared/dates';

/** A stored value as a person reads it: one function with the history and conflict messages. */
export { formatValue, shorten } from '../../shared/display';
