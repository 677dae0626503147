/**
 * F24: typings/open-business-view.d.ts makes wrong `wx.openBusinessView` calls compile errors.
 * The fixtures are compiled with the mini program's own tsconfig.json through the TypeScript
 * compiler API; the must-not-compile ones must fail with the expected error, and only that.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as ts from 'typescript';

const REPO = path.resolve(__dirname, '../..');
const FIXTURES = path.join(__dirname, 'fixtures');

function compile(fixtures: string[]): Map<string, readonly ts.Diagnostic[]> {
  const configFile = path.join(REPO, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, REPO);
  const typings = parsed.fileNames.filter((file) => file.startsWith(path.join(REPO, 'typings')));
  const files = fixtures.map((name) => path.join(FIXTURES, name));
  const program = ts.createProgram([...typings, ...files], parsed.options);
  assert.deepEqual(program.getGlobalDiagnostics().map(message), []);
  return new Map(
    files.map((file) => [
      path.basename(file),
      ts.getPreEmitDiagnostics(program, program.getSourceFile(file)),
    ]),
  );
}

function message(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
}

describe('typings/open-business-view.d.ts', function () {
  this.timeout(60_000);
  let results: Map<string, readonly ts.Diagnostic[]>;

  before(() => {
    assert.match(ts.version, /^5\./, 'the compiler API of TypeScript 5');
    results = compile([
      'open-business-view-valid.ts',
      'open-business-view-missing-package.ts',
      'open-business-view-unchecked.ts',
      'open-business-view-wrong-extra-data.ts',
    ]);
  });

  it('compiles a complete wxpayScoreUse call behind a feature check', () => {
    assert.deepEqual(results.get('open-business-view-valid.ts')?.map(message), []);
  });

  // The fixture is the valid call minus `package`, so that field alone makes the difference.
  it('F24: refuses a wxpayScoreUse call whose extraData lacks package', () => {
    const diagnostics = results.get('open-business-view-missing-package.ts') ?? [];
    assert.equal(diagnostics.length, 1, diagnostics.map(message).join('\n'));
    assert.ok([2322, 2345, 2741].includes(diagnostics[0].code), String(diagnostics[0].code));
    assert.match(message(diagnostics[0]), /is not assignable to type 'ConfirmExtraData/);
  });

  it('types extraData per businessType: detail fields do not pass as wxpayScoreUse', () => {
    const diagnostics = results.get('open-business-view-wrong-extra-data.ts') ?? [];
    assert.equal(diagnostics.length, 1, diagnostics.map(message).join('\n'));
    assert.match(message(diagnostics[0]), /'service_id' does not exist in type 'ConfirmExtraData'/);
  });

  it('F1: refuses a call without checking that openBusinessView exists', () => {
    const diagnostics = results.get('open-business-view-unchecked.ts') ?? [];
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      [2722],
      diagnostics.map(message).join('\n'),
    );
  });
});
