// A thread that sends the numbers 1 to its workerData one message at a time, then null (threadPool.test.ts).
import { parentPort, workerData } from 'node:worker_threads';

for (let number = 1; number <= (workerData as number); number += 1) parentPort?.postMessage(number);
parentPort?.postMessage(null);
