// Worker thread of the logo throughput benchmark: hashes the files it is sent (with their crops when asked: the
// registry's) and returns the flat arrays.
import { parentPort } from 'node:worker_threads';
import { hashFiles, packParts, packPrintParts } from './hashing';

parentPort?.on('message', ({ files, crops }: { files: string[]; crops: boolean }) => {
  void hashFiles(files, 4, { crops }).then((set) => {
    const parts = packParts(set.parts);
    const printParts = packPrintParts(set.printParts);
    parentPort?.postMessage(
      { phash: set.phash, dhash: set.dhash, thumb: set.thumb, failed: [...set.failed], variants: set.variants, aspect: set.aspect, symmetric: set.symmetric, parts, printParts, printSymmetric: set.printSymmetric, colour: set.colour },
      // the arrays are made here with new, so their buffers are plain ArrayBuffers
      [set.phash.buffer, set.dhash.buffer, set.thumb.buffer, set.colour.buffer, parts.phash.buffer, parts.dhash.buffer, parts.thumb.buffer,
        printParts.parts.phash.buffer, printParts.parts.dhash.buffer, printParts.parts.thumb.buffer].map((b) => b as ArrayBuffer),
    );
  });
});
