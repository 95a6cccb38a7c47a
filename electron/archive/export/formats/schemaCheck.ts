// Test support: validate exports against IPTC's own schemas in ../shared/schemas
// (read at test time). XML goes through xmllint (Debian's libxml2-utils, which
// .ci/run installs), many files per run; ninjs through ajv with the JSON Schema
// dialect each version declares.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { NinjsVersion } from '../../../../shared/export/types.ts';

export const SCHEMAS_DIR = resolve(import.meta.dirname, '../../../../../shared/schemas');

export const XML_SCHEMAS = {
  nitf: join(SCHEMAS_DIR, 'nitf/nitf-3-6.xsd'),
  'newsml-g2': join(SCHEMAS_DIR, 'newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd'),
} as const;

const NINJS_FILES: Record<NinjsVersion, string> = {
  1: 'ninjs/ninjs-schema_1.6.json',
  2: 'ninjs/ninjs-schema_2.2.json',
  3: 'ninjs/ninjs-schema_3.1.json',
};

export function xmllintAvailable(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Validate XML documents against an XSD; returns one error text per document ('' when valid). */
export function validateXml(schema: string, documents: readonly string[]): string[] {
  if (documents.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-xsd-'));
  try {
    const files = documents.map((doc, i) => {
      const file = join(dir, `doc-${i}.xml`);
      writeFileSync(file, doc);
      return file;
    });
    let output = '';
    try {
      execFileSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...files], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      output = String((error as { stderr?: Buffer }).stderr ?? '');
    }
    return files.map((file) => {
      const lines = output.split('\n').filter((l) => l.startsWith(file) && !l.endsWith(' validates'));
      return lines.join('\n');
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const validators = new Map<NinjsVersion, ValidateFunction>();

/** The ajv validator for a ninjs major version's schema. */
export function ninjsValidator(version: NinjsVersion): ValidateFunction {
  let v = validators.get(version);
  if (!v) {
    const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, NINJS_FILES[version]), 'utf8')) as { $schema?: string };
    const ajv = schema.$schema?.includes('2020-12') ? new Ajv2020({ allErrors: true, strict: false }) : new Ajv({ allErrors: true, strict: false });
    (addFormats as unknown as (a: unknown) => void)(ajv);
    // ninjs 2.x and 3.x point `places[].geojson` at geojson.org's schema, which
    // cannot be fetched here; Copydesk never writes geojson, so a permissive
    // stand-in lets the rest of the schema be checked in full.
    ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
    v = ajv.compile(schema);
    validators.set(version, v);
  }
  return v;
}

/** '' when the document is valid ninjs of that version, else the errors. */
export function validateNinjs(version: NinjsVersion, json: string): string {
  const validate = ninjsValidator(version);
  return validate(JSON.parse(json)) ? '' : JSON.stringify(validate.errors, null, 1);
}
