/** Drag a scenario file anywhere onto the page to open it; an overlay says where it will go. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { loadText } from '../state/runner.ts';
import { failure } from '../state/store.ts';
import './DropZone.css';

/** The parser refuses more than this anyway (5 MB); refusing here avoids reading a huge file. */
const MAX_BYTES = 5 * 1024 * 1024;

export async function openFile(file: File): Promise<void> {
  if (file.size > MAX_BYTES) {
    failure.value = `${file.name} is ${file.size.toLocaleString('en')} bytes; a scenario may have at most 5 MB`;
    return;
  }
  loadText(await file.text(), file.name, 'file');
}

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

export function DropZone() {
  const over = useSignal(false);
  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      over.value = true;
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) over.value = false;
    };
    const dragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      over.value = false;
      const file = event.dataTransfer?.files[0];
      if (file) void openFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', dragOver);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', dragOver);
      window.removeEventListener('drop', drop);
    };
  }, [over]);
  if (!over.value) return null;
  return (
    <div class="dropzone" data-testid="dropzone">
      <div>Drop a scenario file (.yaml, .yml or .json) to open it</div>
    </div>
  );
}
