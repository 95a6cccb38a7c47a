// This feature's calls: the shared archive's domain of window.copydesk.
import { api } from '../../api/client.ts';

export const syncApi = api.sync;
