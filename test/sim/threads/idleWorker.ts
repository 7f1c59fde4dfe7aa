// A thread that never sends its message: it stays alive until it is ended (threadPool.test.ts).
setInterval(() => {}, 1_000);
