import { ApiError } from '../api';

export const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : String(e));
