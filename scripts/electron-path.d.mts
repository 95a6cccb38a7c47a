export function electronBinary(root: string): string | null;
export function electronVersion(root: string): string;
