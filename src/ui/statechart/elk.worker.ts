/**
 * ELK in a Web Worker of its own: laying out a statechart takes a few hundred milliseconds of
 * CPU, which on the page's thread would freeze it. Each message is a graph and its id; the
 * answer is the laid-out graph or the error's message.
 */
import Elk, { type ElkNode } from 'elkjs/lib/elk.bundled.js';

export interface LayoutRequest {
  id: number;
  graph: ElkNode;
}

export type LayoutAnswer = { id: number; laid: ElkNode } | { id: number; error: string };

interface WorkerScope {
  postMessage(message: LayoutAnswer): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LayoutRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const elk = new Elk();

scope.addEventListener('message', ({ data }) => {
  elk.layout(data.graph).then(
    (laid) => scope.postMessage({ id: data.id, laid }),
    (error: unknown) => scope.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
