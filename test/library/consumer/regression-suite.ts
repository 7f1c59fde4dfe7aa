// A consumer's regression suite: one test per scenario of scenarios/, against scenarios/golden/.
import { scenarioTests } from 'imsim/vitest';

scenarioTests('scenarios');
