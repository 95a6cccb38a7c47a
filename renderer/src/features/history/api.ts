// History's calls to the archive, through the app's one bridge module.
import { api } from '../../api/client.ts';

export const historyApi = api.editor;
