/**
 * A worker thread of batches played on several threads (batchThreads.ts), one of a pool kept for
 * the runs of the process: each task is a run's batches; the thread plays those it claims (into
 * their folders, or counted for their figures alone), and what it played (accounts, apps and
 * figures, with the keys of spooled batches) is the task's result. If it fails, no thread takes
 * another batch.
 */
import { type BatchTask, playTask } from './batchThreads.ts';
import { claimed, failClaims } from './shard.ts';
import { stoppingOthersOnFailure } from './threadPool.ts';

export default function playedBatches(task: BatchTask): ReturnType<typeof playTask> {
  return stoppingOthersOnFailure({ abort: () => failClaims(task.claims) }, () => playTask(task, claimed(task.claims, task.count), () => Atomics.add(task.done, 0, 1)));
}
