/**
 * The request-body limit, without a stream per request.
 *
 * Yoga (5.24, graphql-yoga PR #4580) limits bodies by piping every one through a counting
 * TransformStream; on this stack that pipe, its Request copy and the AbortController that Node's stream
 * pipeline aborts when it finishes cost more than the rest of a small request (a trivial mutation went
 * from ~6,000 to ~15,000 req/s without it, see bench/RESULTS.md). A body with a Content-Length cannot be
 * longer than declared (Node's HTTP parser reads exactly that many bytes), so checking the header is
 * enough; only a body without one (chunked) is counted as it streams. Same answers as yoga's: 413 when
 * too large, 400 for a malformed Content-Length.
 */
import { createGraphQLError, type FetchAPI, type Plugin } from 'graphql-yoga';

/** Our operations are small (a createReport is ~1 KB); a megabyte leaves room for any client. */
export const MAX_REQUEST_BODY_BYTES = 1_000_000;

// One non-negative integer; anything else (a list, a sign) is how request smuggling starts.
const CONTENT_LENGTH = /^\d+$/;

function tooLarge(limitBytes: number): Error {
  return createGraphQLError(`Request body too large (at most ${limitBytes} bytes)`, {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
  });
}

function badContentLength(): Error {
  return createGraphQLError('Content-Length header is invalid', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

/** The request again, its body failing with 413 once more than `limitBytes` have streamed through. */
function countingBody(request: Request, limitBytes: number, fetchAPI: FetchAPI): Request {
  // A native body only pipes through a native TransformStream (graphql-yoga issue #4583).
  const Transform = request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytes = 0;
  const counted = request.body?.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > limitBytes) controller.error(tooLarge(limitBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
  // `duplex` is required by fetch for a streamed body and missing from the DOM typings.
  const init = { method: request.method, headers: request.headers, signal: request.signal, body: counted ?? null, duplex: 'half' };
  return new fetchAPI.Request(request.url, init as RequestInit);
}

/** Yoga's plugin with `maxRequestBodySize: false` set on yoga itself. */
export function useRequestBodyLimit(limitBytes = MAX_REQUEST_BODY_BYTES): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!CONTENT_LENGTH.test(declared)) throw badContentLength();
        if (Number(declared) > limitBytes) throw tooLarge(limitBytes);
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((original) => parse(countingBody(original, limitBytes, fetchAPI)));
    },
  };
}
