export interface SupportTable {
  checkedOn: string;
  stableDates: Record<string, string>;
  projectedStableDates?: Record<string, string>;
}
export interface SupportStatus {
  ok: boolean;
  pinned: number;
  newest: number;
  supported: number[];
  endOfSupport: string | null;
  daysLeft: number | null;
  problems: string[];
}
export function majorOf(version: string): number;
export function supportStatus(options: { pinned: number; today: Date; table: SupportTable }): SupportStatus;
export function readSupportTable(root: string): SupportTable;
export function pinnedElectron(root: string): string;
export function electronViteMajors(root: string): number[];
