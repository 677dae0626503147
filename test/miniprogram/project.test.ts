/**
 * F26 and one-place facts: DevTools compiles the TypeScript, every page in app.json has its
 * four files, and the mini program's Pay Score constants agree with the server's.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as client from '../../miniprogram/utils/payscore-constants';
import * as server from '../../src/payscore/constants';

const REPO = path.resolve(__dirname, '../..');
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8'));

describe('project.config.json and app.json', () => {
  const project = readJson('project.config.json');

  it('F26: enables the TypeScript compiler plugin because app.ts exists', () => {
    assert.ok(fs.existsSync(path.join(REPO, 'miniprogram/app.ts')));
    const setting = project.setting as { useCompilerPlugins?: unknown };
    assert.ok(Array.isArray(setting.useCompilerPlugins));
    assert.ok(setting.useCompilerPlugins.includes('typescript'));
  });

  it('points DevTools at miniprogram/ and cloudfunctions/ with the tourist AppID', () => {
    assert.equal(project.miniprogramRoot, 'miniprogram/');
    assert.equal(project.srcMiniprogramRoot, 'miniprogram/');
    assert.equal(project.cloudfunctionRoot, 'cloudfunctions/');
    assert.equal(project.compileType, 'miniprogram');
    assert.equal(project.appid, 'touristappid');
    assert.match(String(project.libVersion), /^\d+\.\d+\.\d+$/, 'a pinned base library');
  });

  it('has .ts, .json, .wxml and .wxss for every page and component in use', () => {
    const app = readJson('miniprogram/app.json');
    assert.equal(app.cloud, true);
    const folders = new Set<string>();
    for (const page of app.pages as string[]) {
      folders.add(page.replace(/\/index$/, ''));
      const json = readJson(`miniprogram/${page}.json`);
      for (const used of Object.values((json.usingComponents ?? {}) as Record<string, string>)) {
        folders.add(used.replace(/^\//, '').replace(/\/index$/, ''));
      }
    }
    for (const folder of folders) {
      for (const ext of ['ts', 'json', 'wxml', 'wxss']) {
        const file = path.join(REPO, 'miniprogram', folder, `index.${ext}`);
        assert.ok(fs.existsSync(file), `${file} exists`);
      }
      // DevTools prefers .ts, but a stale .js next to it would confuse everything else.
      assert.ok(!fs.existsSync(path.join(REPO, 'miniprogram', folder, 'index.js')));
    }
  });
});

describe('miniprogram/utils/payscore-constants', () => {
  it('agrees with src/payscore/constants.ts', () => {
    assert.equal(client.PAYSCORE_MINI_PROGRAM_APPID, server.PAYSCORE_MINI_PROGRAM_APPID);
    assert.equal(client.PAYSCORE_MINI_PROGRAM_PATH, server.PAYSCORE_MINI_PROGRAM_PATH);
    assert.equal(client.BUSINESS_TYPE_USE, server.BUSINESS_TYPE_USE);
    assert.equal(client.RETURN_SCENE, server.RETURN_SCENE);
  });

  it('holds the public values of the Pay Score mini program', () => {
    assert.equal(client.PAYSCORE_MINI_PROGRAM_APPID, 'wxd8f3793ea3b935b8');
    assert.equal(client.PAYSCORE_MINI_PROGRAM_PATH, 'pages/use/use');
    assert.equal(client.BUSINESS_TYPE_USE, 'wxpayScoreUse');
    assert.equal(client.RETURN_SCENE, 1038);
  });
});
