import {
  ErrorResponse,
  StatusCodes,
  type BulkOperationResult,
  type Container,
  type JSONObject,
  type OperationInput,
} from '@azure/cosmos';
import { explain, statusOf } from './cosmos-errors';

export interface BulkPace {
  /** Operations sent together in one bulk call. */
  chunk: number;
  /** At most this many operations a second, so an import leaves room for people's turns. */
  perSecond: number;
  /**
   * Fewer operations than this go as single requests, 16 at a time: the SDK's bulk support sends
   * a partly filled batch only after about a second, which a small change should not wait for.
   */
  bulkFrom: number;
}

export const defaultBulkPace: BulkPace = { chunk: 100, perSecond: 500, bulkFrom: 50 };

export type Operation = Extract<OperationInput, { operationType: 'Upsert' | 'Read' | 'Delete' }>;

/** What one operation came to: the document read, or the error it met. */
export interface Done {
  operation: Operation;
  body?: JSONObject;
  requestCharge: number;
  error?: ErrorResponse;
}

/**
 * Runs upserts, reads and deletes a chunk at a time and no faster than the pace allows, with the
 * SDK's bulk support when there are many. A read or delete of a document that is not there is
 * fine; any other failure stops the run. Returns the request charge and each operation's result.
 */
export async function runBulk(
  container: Container,
  what: string,
  operations: Operation[],
  pace: BulkPace,
): Promise<{ requestCharge: number; results: Done[] }> {
  let requestCharge = 0;
  const results: Done[] = [];
  const many = operations.length >= pace.bulkFrom;
  for (let start = 0; start < operations.length; start += pace.chunk) {
    const chunk = operations.slice(start, start + pace.chunk);
    const began = Date.now();
    const answered = many
      ? await inBulk(container, what, chunk)
      : await oneByOne(container, what, chunk);
    for (const result of answered) {
      requestCharge += result.requestCharge;
      if (!result.error) continue;
      // The SDK hands back a copy of the error; its status decides what it means.
      const error = Object.assign(new ErrorResponse(result.error.message), result.error);
      const fine =
        statusOf(error) === StatusCodes.NotFound && result.operation.operationType !== 'Upsert';
      if (!fine) throw explain(what, error);
    }
    results.push(...answered);
    const least = (chunk.length / pace.perSecond) * 1000;
    const waited = Date.now() - began;
    if (many && waited < least) await new Promise((resolve) => setTimeout(resolve, least - waited));
  }
  return { requestCharge, results };
}

async function inBulk(container: Container, what: string, chunk: Operation[]): Promise<Done[]> {
  let answered: BulkOperationResult[];
  try {
    answered = await container.items.executeBulkOperations(chunk);
  } catch (error) {
    throw explain(what, error);
  }
  return answered.map((result, index) => ({
    operation: chunk[index],
    requestCharge: result.response?.requestCharge ?? 0,
    ...(result.response?.resourceBody ? { body: result.response.resourceBody } : {}),
    ...(result.error ? { error: result.error } : {}),
  }));
}

async function oneByOne(container: Container, what: string, chunk: Operation[]): Promise<Done[]> {
  const results: Done[] = [];
  for (let start = 0; start < chunk.length; start += 16) {
    results.push(
      ...(await Promise.all(chunk.slice(start, start + 16).map((op) => one(container, what, op)))),
    );
  }
  return results;
}

async function one(container: Container, what: string, operation: Operation): Promise<Done> {
  try {
    const response =
      operation.operationType === 'Upsert'
        ? await container.items.upsert<JSONObject>(operation.resourceBody)
        : operation.operationType === 'Read'
          ? await container.item(operation.id, operation.partitionKey).read<JSONObject>()
          : await container.item(operation.id, operation.partitionKey).delete<JSONObject>();
    return {
      operation,
      requestCharge: response.requestCharge,
      ...(response.resource ? { body: response.resource } : {}),
    };
  } catch (error) {
    if (error instanceof ErrorResponse) return { operation, requestCharge: 0, error };
    throw explain(what, error);
  }
}
