import {
  StatusCodes,
  type BulkOperationResult,
  type Container,
  type OperationInput,
} from '@azure/cosmos';
import { explain } from './cosmos-errors';

export interface BulkPace {
  /** Operations sent together in one bulk call. */
  chunk: number;
  /** At most this many operations a second, so an import leaves room for people's turns. */
  perSecond: number;
}

export const defaultBulkPace: BulkPace = { chunk: 100, perSecond: 500 };

/**
 * Runs operations with the SDK's bulk support, a chunk at a time and no faster than the pace
 * allows. A delete of a document already gone is fine; any other failure stops the run. Returns
 * the request charge of the whole run.
 */
export async function runBulk(
  container: Container,
  what: string,
  operations: OperationInput[],
  pace: BulkPace,
): Promise<{ requestCharge: number; results: BulkOperationResult[] }> {
  let requestCharge = 0;
  const results: BulkOperationResult[] = [];
  for (let start = 0; start < operations.length; start += pace.chunk) {
    const chunk = operations.slice(start, start + pace.chunk);
    const began = Date.now();
    let answered: BulkOperationResult[];
    try {
      answered = await container.items.executeBulkOperations(chunk);
    } catch (error) {
      throw explain(what, error);
    }
    for (const result of answered) {
      requestCharge += result.response?.requestCharge ?? result.error?.requestCharge ?? 0;
      const status = result.response?.statusCode ?? statusOfError(result);
      const goneAlready =
        result.operationInput.operationType === 'Delete' && status === StatusCodes.NotFound;
      const missingRead =
        result.operationInput.operationType === 'Read' && status === StatusCodes.NotFound;
      if (result.error && !goneAlready && !missingRead) throw explain(what, result.error);
      if (status !== undefined && status >= 400 && !goneAlready && !missingRead)
        throw new Error(`Cosmos DB ${what} failed (${status})`);
    }
    results.push(...answered);
    const least = (chunk.length / pace.perSecond) * 1000;
    const waited = Date.now() - began;
    if (waited < least) await new Promise((resolve) => setTimeout(resolve, least - waited));
  }
  return { requestCharge, results };
}

function statusOfError(result: BulkOperationResult): number | undefined {
  const code = result.error?.code;
  return typeof code === 'number' ? code : undefined;
}
