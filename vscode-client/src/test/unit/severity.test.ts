import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEVERITY_NAMES, lspSeverity, parseSeverity } from '../../severity';

test('maps each setting value to LSP DiagnosticSeverity, "off" to none', () => {
  assert.equal(lspSeverity('error'), 1);
  assert.equal(lspSeverity('warning'), 2);
  assert.equal(lspSeverity('information'), 3);
  assert.equal(lspSeverity('hint'), 4);
  assert.equal(lspSeverity('off'), undefined);
});

test('parses names case-insensitively, with "info" as a synonym', () => {
  assert.equal(parseSeverity('Error'), 'error');
  assert.equal(parseSeverity(' WARNING '), 'warning');
  assert.equal(parseSeverity('info'), 'information');
  assert.equal(parseSeverity('off'), 'off');
  for (const name of SEVERITY_NAMES) {
    assert.equal(parseSeverity(name), name);
  }
});

test('rejects anything else', () => {
  assert.equal(parseSeverity('fatal'), undefined);
  assert.equal(parseSeverity(''), undefined);
  assert.equal(parseSeverity(1), undefined);
  assert.equal(parseSeverity(undefined), undefined);
  assert.equal(parseSeverity(null), undefined);
});
