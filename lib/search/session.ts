/**
 * Per-session settings of every database connection, tuned for search. JIT compilation costs
 * more than it saves on the short ranking queries (hundreds of ms on large match sets), so
 * sessions run without it. Parallel workers start sooner than by default: scoring tens of
 * thousands of matching paragraphs splits well across cores, and the default costs only let a
 * query go parallel when it is several times slower than that.
 */
export const SEARCH_SESSION_OPTIONS = "-c jit=off -c parallel_setup_cost=100 -c parallel_tuple_cost=0.01";
