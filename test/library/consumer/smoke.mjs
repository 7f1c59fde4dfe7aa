// Plain node, no TypeScript: the library as ES modules, and by require() (Node 20.19 and later).
import { createRequire } from 'node:module';
import { advance, appStates, finish, renderJson, reportSoFar, scenarioFromObject, startRun } from 'imsim';

const input = JSON.parse(process.argv[2]);
const run = startRun(scenarioFromObject(input));
advance(run, '2020-04-15T12:00');
const soFar = reportSoFar(run);
const report = finish(run);
const required = createRequire(import.meta.url)('imsim');
process.stdout.write(JSON.stringify({ report: renderJson(report), soFarTransitions: soFar.transitions.length, soFarBills: soFar.bills.length, appStates, requiredAppStates: required.appStates }));
